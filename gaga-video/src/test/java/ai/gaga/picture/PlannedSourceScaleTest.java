package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.render.CastMember;
import ai.gaga.render.FaceArea;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.ShotScale;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelinePlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 step 3, end to end: the plan framed from the cast's pixels predicts each shot's source scale, and the
 * frames show it. For a full-body photo, a group photo, a small portrait and a large selfie at 1920x1080, in every
 * shot of a scene asking for close-ups, medium and wide shots (and a two-shot and split for the group): the
 * compositor places the photo at exactly the plan's {@link Shot#sourceScale()} at the shot's closest frame, and each
 * subject's face, re-detected in that frame and in the photo through the same crop, measures at most 2x its photo
 * width and within {@value #AGREE} of the prediction. Contact sheets: {@code target/scenes/planned-scale-*.png}.
 */
class PlannedSourceScaleTest {
    private static final Logger LOG = LoggerFactory.getLogger(PlannedSourceScaleTest.class);
    private static final String[] PHOTOS = {"pexels_cheering_full_body.jpg", "pexels_family_smiles.jpg",
            "grace_hopper_512x512.jpg", "pexels_selfie_squint.jpg"};
    /** Relative agreement of the re-detected upscale with the plan's (the detector's box noise is about 5 %). */
    private static final double AGREE = 0.12;

    private static TestServices services;
    private static FaceDetector detector;
    private static StillPhotoPerformer performer;

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        detector = new FaceDetector(services);
        performer = new StillPhotoPerformer(detector);
    }

    @AfterAll
    static void tearDown() {
        performer.close();
        services.close();
    }

    @Test
    void framesShowTheSourceScaleThePlanPredicted() {
        Resolution res = new Resolution(1920, 1080);
        List<String> failures = new ArrayList<>();
        for (String name : PHOTOS) {
            Path photo = Fixtures.photo(name);
            BufferedImage image = PhotoLoader.load(photo);
            List<FaceBox> faces = detector.detect(image).stream().sorted(Comparator.comparingDouble(FaceBox::centerX))
                    .toList();
            Scene scene = FixtureFramingTest.scene(photo, faces, res);
            List<CastMember> cast = performer.cast(scene);
            Timeline timeline = new TimelinePlanner().plan(scene, scene.lines().stream().map(l -> silent(1.2))
                    .toList(), cast);
            VideoFormat format = new VideoFormat(res, scene.fps(), timeline.frameCount(scene.fps()));
            List<BufferedImage> sheet = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            try (ShotCompositor r = (ShotCompositor) performer.prepare(scene, timeline, format)) {
                for (Shot shot : r.shots()) {
                    assertTrue(shot.hasSourceScale(), shot.toString());
                    assertTrue(shot.sourceScale() <= ShotScale.MAX_UPSCALE + 1e-9, name + " " + shot);
                    // the closest frame: the end of a push-in, the start of a pull-out
                    int index = shot.move() == Shot.Move.PULL_OUT ? shot.startFrame() : shot.endFrame() - 1;
                    FrameBuffer fb = RenderedFrames.render(r, index, format);
                    BufferedImage frame = Images.fromBgr(fb.bgr(), fb.width(), fb.height());
                    double placed = 0;
                    double measured = 0;
                    List<Map.Entry<String, double[]>> layers = r.placements(index);
                    for (Map.Entry<String, double[]> layer : layers) {
                        double[] p = layer.getValue();
                        placed = Math.max(placed, p[0]);
                        for (String subject : shot.subjects()) {
                            CastMember s = cast.stream().filter(c -> c.actor().equals(subject)).findFirst()
                                    .orElseThrow();
                            // one layer shows every subject of a group photo; split screens one each
                            if (layers.size() > 1 && !subject.equals(layer.getKey()) || s.face().isEmpty()) {
                                continue;
                            }
                            FaceArea f = s.face().get();
                            double x = p[0] * f.centerX() + p[1];
                            double y = p[0] * f.centerY() + p[2];
                            double w = p[0] * f.width();
                            if (x - w / 2 < p[3] || x + w / 2 > p[5] || y - w / 2 < p[4] || y + w / 2 > p[6]) {
                                continue; // not wholly on screen
                            }
                            double onScreen = FixtureFramingTest.width(detector, frame, x, y, 4 * w);
                            double inPhoto = FixtureFramingTest.width(detector, image, f.centerX(), f.centerY(),
                                    4 * f.width());
                            if (Double.isNaN(onScreen) || Double.isNaN(inPhoto)) {
                                continue;
                            }
                            double up = onScreen / inPhoto;
                            measured = Math.max(measured, up);
                            if (up > 2.0 || Math.abs(up / p[0] - 1) > AGREE
                                    || up > shot.sourceScale() * (1 + AGREE)) {
                                failures.add(String.format(Locale.ROOT, "%s %s: %s's face re-detected at %.2fx, "
                                        + "planned %.2fx", name, shot, subject, up, shot.sourceScale()));
                            }
                        }
                    }
                    assertEquals(shot.sourceScale(), placed, 1e-6, name + " " + shot + ": placed at " + placed);
                    sheet.add(frame);
                    labels.add(String.format(Locale.ROOT, "%s %s %s planned %.2fx measured %.2fx", shot.layout(),
                            shot.size(), shot.move(), shot.sourceScale(), measured));
                    LOG.info("{} {}: planned {} placed {} re-detected {}", name, shot, shot.sourceScale(), placed,
                            measured);
                }
                SceneClips.contactSheet(sheet, labels, 3, SceneClips.out("planned-scale-"
                        + name.substring(0, name.lastIndexOf('.')) + ".png"));
                LOG.info("{}: warnings {}", name, r.warnings());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
