package ai.gaga.rig;

import ai.gaga.face.Blendshapes;
import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.MouthMeasure;
import org.junit.jupiter.api.Test;

import java.util.Locale;

class RigExploreTest {
    static double brow(FaceAnalysis a) {
        var m = a.mesh();
        return ((m.get(159).y() - m.get(107).y()) + (m.get(386).y() - m.get(336).y())) / 2 / m.interOcularDistance();
    }

    @Test
    void explore() {
        try (RigFixtures f = new RigFixtures()) {
            ContactSheet sheet = new ContactSheet(300);
            ContactSheet zoom = new ContactSheet(320);
            for (String name : f.photos.keySet()) {
                AnimatedPlate plate = AnimatedPlate.create(f.photos.get(name), f.analyses.get(name), 1.5,
                        FacePerformance.REST);
                Object[][] cases = {{"rest", null, 0.0}, {"jaw.6", FaceControl.JAW_OPEN, 0.6},
                        {"blink", null, 1.0}, {"smile", FaceControl.MOUTH_SMILE, 1.0},
                        {"browInner", FaceControl.BROW_INNER_UP, 1.0}, {"wide", FaceControl.EYE_WIDE, 1.0},
                        {"yaw15", FaceControl.HEAD_YAW, 15.0}, {"yaw-15", FaceControl.HEAD_YAW, -15.0},
                        {"browDown", FaceControl.BROW_DOWN, 1.0}, {"funnel", FaceControl.MOUTH_FUNNEL, 1.0},
                        {"pucker", FaceControl.MOUTH_PUCKER, 1.0}, {"frown", FaceControl.MOUTH_FROWN, 1.0},
                        {"squint", FaceControl.EYE_SQUINT, 1.0}};
                for (Object[] c : cases) {
                    FaceControls fc = new FaceControls();
                    if ("blink".equals(c[0])) {
                        fc.set(FaceControl.EYE_BLINK_LEFT, 1).set(FaceControl.EYE_BLINK_RIGHT, 1);
                    } else if (c[1] != null) {
                        fc.set((FaceControl) c[1], (Double) c[2]);
                    }
                    plate.draw(fc);
                    sheet.add(plate, name + " " + c[0]);
                    if (java.util.Set.of("yaw15", "yaw-15", "blink", "jaw.6").contains((String) c[0])) {
                        zoom.add(plate, name + " " + c[0]);
                    }
                    FaceAnalysis a = f.reanalyse(plate);
                    Blendshapes e = a.expression();
                    System.out.println(String.format(Locale.ROOT,
                            "%s %-10s brow=%.3f ap=%.3f eye=%.3f lum=%.1f yaw=%.1f jaw=%.2f blink=%.2f/%.2f smile=%.2f/%.2f "
                                    + "browIn=%.2f browDn=%.2f/%.2f wide=%.2f/%.2f funnel=%.2f pucker=%.2f frown=%.2f/%.2f squint=%.2f/%.2f",
                            name, c[0], brow(a), MouthMeasure.aperture(a.mesh()), RigFixtures.eyeOpening(a),
                            RigFixtures.mouthLuminance(plate), a.pose().yaw(), e.get("jawOpen"),
                            e.get("eyeBlinkLeft"), e.get("eyeBlinkRight"), e.get("mouthSmileLeft"),
                            e.get("mouthSmileRight"), e.get("browInnerUp"), e.get("browDownLeft"),
                            e.get("browDownRight"), e.get("eyeWideLeft"), e.get("eyeWideRight"),
                            e.get("mouthFunnel"), e.get("mouthPucker"), e.get("mouthFrownLeft"),
                            e.get("mouthFrownRight"), e.get("eyeSquintLeft"), e.get("eyeSquintRight")));
                }
            }
            sheet.write(java.nio.file.Path.of("target/rig-explore.png"), 5);
            zoom.write(java.nio.file.Path.of("target/rig-explore-zoom.png"), 4);
        }
    }
}
