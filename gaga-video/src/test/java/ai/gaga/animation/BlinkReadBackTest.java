package ai.gaga.animation;

import ai.gaga.face.Blendshapes;
import ai.gaga.face.FaceBox;
import ai.gaga.rig.AnimatedPlate;
import ai.gaga.rig.EyeFaces;
import ai.gaga.rig.FaceControl;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blinks are seen: half a minute of an actor at rest (one short line, then silence; head motion, gaze and breathing
 * as the animator plans them) is drawn frame by frame on fixture faces and every frame is read back by the face
 * models (mesh in the box the detector found on the first frame, iris/eyelid refinement, blendshapes). A blink is read when the mean of eyeBlinkLeft and
 * eyeBlinkRight rises through 0.5; the rate read back must be a human 6-35 a minute. Drawn at 10 fps (the animator
 * plans the performance at that rate, with every blink's closed instant on a frame), which keeps 300 reads a face.
 */
class BlinkReadBackTest {
    private static final Logger LOG = LoggerFactory.getLogger(BlinkReadBackTest.class);
    private static final int FPS = 10;
    private static final double SECONDS = 30;
    private static EyeFaces eyeFaces;
    private static List<EyeFaces.Face> faces;

    @BeforeAll
    static void setUp() {
        eyeFaces = new EyeFaces();
        // Eight of the twelve faces whose closed frame reads closed in PhotographicEyelidTest, and the astronaut (mean
        // over 0.5; with the darkened lash line, branch blink: closed frame 0.49 / 0.55, reads 12 of 12 blinks, was 0;
        // family_smiles#1 and #3 12 of 12; family_smiles#7, 0.50 / 0.59, 7 of 12).
        List<String> wanted = List.of("pexels_group_three#2", "pexels_cheering_full_body#1",
                "pexels_cheering_full_body#2", "pexels_cheering_full_body#4", "pexels_family_smiles#2",
                "pexels_family_smiles#1", "pexels_family_smiles#3", "pexels_family_smiles#7", "astronaut#1");
        faces = eyeFaces.faces(List.of("pexels_group_three.jpg", "pexels_cheering_full_body.jpg",
                        "pexels_family_smiles.jpg", "astronaut.png")).stream()
                .filter(f -> wanted.contains(f.name())).toList();
    }

    @AfterAll
    static void tearDown() {
        eyeFaces.close();
    }

    @Test
    void blinksPerMinuteReadBackAreHuman() {
        assertTrue(faces.size() == 9, "faces: " + faces);
        Utterance u = Stages.talk(1.5, 9);
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Hm.").emotion(Emotion.NEUTRAL, 0.9)
                .pause(Duration.ofSeconds((long) SECONDS - 2)).seed(7).build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.2}, SECONDS);
        FaceAnimator animator = FaceAnimator.of(scene, timeline, "maya", FPS);
        float[] lid = animator.curves().curve(FaceControl.EYE_BLINK_LEFT);
        List<Integer> planned = new ArrayList<>();
        for (int f = 1; f < lid.length; f++) {
            if (lid[f] >= 0.9 && lid[f - 1] < 0.9) {
                planned.add(f);
            }
        }
        double minutes = animator.frameCount() / (double) FPS / 60;
        List<String> failures = new ArrayList<>();
        for (EyeFaces.Face face : faces) {
            AnimatedPlate plate = face.plate(animator);
            plate.draw(0);
            // One detection: the head moves little in a resting performance, and the mesh model tracks within it.
            FaceBox box = eyeFaces.detect(plate);
            List<Integer> seen = new ArrayList<>();
            boolean closed = false;
            for (int f = 0; f < animator.frameCount(); f++) {
                plate.draw(f);
                Blendshapes b = eyeFaces.blendshapes(plate, box);
                double blink = (b.get("eyeBlinkLeft") + b.get("eyeBlinkRight")) / 2;
                if (blink >= 0.5 && !closed) {
                    seen.add(f);
                }
                closed = blink >= 0.5;
            }
            double rate = seen.size() / minutes;
            LOG.info(String.format(Locale.ROOT, "%s: %d blinks planned at frames %s, %d read back at %s: %.1f a minute",
                    face.name(), planned.size(), planned, seen.size(), seen, rate));
            if (rate < 6 || rate > 35) {
                failures.add(face.name() + ": " + rate + " blinks a minute read back");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
