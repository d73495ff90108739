package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.Images;
import ai.gaga.face.PersonMask;
import ai.gaga.face.PersonSegmenter;
import ai.gaga.face.TestServices;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Camera;
import ai.gaga.scene.FacePick;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelinePlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-shots of actors from two photos hold up or are not made: cut-outs grounded on the frame's bottom edge (every
 * person region of a person segmentation of the rendered frame covering 2 % of it reaches the bottom 5 %), heads
 * matched in size (+-15 % by re-detection) and on one eye line; where a photo is a tight head crop the two-shot
 * becomes a split screen and the renderer says so. Contact sheets in {@code target/scenes/two-photos-*.png}.
 *
 * <p>Seen failing: the cheering and dancing photos cut out by their person masks brought every person of both
 * photos into the two-shot, tangled (heads re-detected off their eye line by a face height); now refused.
 */
class TwoPhotoTwoShotTest {
    private static final Logger LOG = LoggerFactory.getLogger(TwoPhotoTwoShotTest.class);
    private static TestServices services;
    private static FaceDetector detector;
    private static PersonSegmenter segmenter;
    private static StillPhotoPerformer performer;

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        detector = new FaceDetector(services);
        segmenter = PersonSegmenter.create(services);
        performer = new StillPhotoPerformer(services);
    }

    @AfterAll
    static void tearDown() {
        performer.close();
        services.close();
    }

    /** What the cast step of the plan warns about. */
    private static List<String> planWarnings(Scene scene) {
        return performer.cast(scene).stream().flatMap(m -> m.warnings().stream()).toList();
    }

    private record Result(List<String> warnings, int twoShotFrames, int cutOutFrames) {
    }

    private static Result render(Scene scene, String tag) {
        Timeline timeline = new TimelinePlanner().plan(scene, scene.lines().stream().map(l -> silent(1.6)).toList());
        VideoFormat format = new VideoFormat(scene.resolution(), scene.fps(), timeline.frameCount(scene.fps()));
        List<BufferedImage> sheet = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int twoShots = 0;
        int cutOuts = 0;
        List<String> problems = new ArrayList<>();
        try (ShotCompositor r = (ShotCompositor) performer.prepare(scene, timeline, format)) {
            for (Shot shot : r.shots()) {
                for (int index : new int[] {shot.startFrame(), (shot.startFrame() + shot.endFrame()) / 2,
                        shot.endFrame() - 1}) {
                    FrameBuffer fb = RenderedFrames.render(r, index, format);
                    BufferedImage frame = Images.fromBgr(fb.bgr(), fb.width(), fb.height());
                    List<Map.Entry<String, double[]>> layers = r.placements(index);
                    boolean cutOut = layers.stream().anyMatch(e -> e.getValue()[7] == 1);
                    String note = "";
                    if (shot.layout() == Shot.Layout.TWO_SHOT) {
                        twoShots++;
                    }
                    if (cutOut) {
                        if (cutOuts == 0) {
                            SceneClips.write(frame, SceneClips.out("two-photos-" + tag + "-frame.png"));
                        }
                        cutOuts++;
                        note = checkGrounded(frame, tag + " frame " + index, problems);
                        checkHeads(scene, frame, layers, tag + " frame " + index, problems);
                    }
                    if (index == shot.startFrame()) {
                        sheet.add(frame);
                        labels.add(shot.layout() + " " + shot.subjects() + " " + shot.size() + note);
                    }
                }
            }
            SceneClips.contactSheet(sheet, labels, 3, SceneClips.out("two-photos-" + tag + ".png"));
            LOG.info("{}: shots {}, warnings {}", tag, r.shots(), r.warnings());
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            return new Result(r.warnings(), twoShots, cutOuts);
        }
    }

    /** Every person region of the frame's segmentation covering >= 2 % of the frame reaches its bottom 5 %. */
    static String checkGrounded(BufferedImage frame, String what, List<String> problems) {
        PersonMask mask = segmenter.segment(frame);
        int step = 4;
        int w = frame.getWidth() / step;
        int h = frame.getHeight() / step;
        boolean[] on = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                on[y * w + x] = mask.at(x * step + step / 2, y * step + step / 2) >= 0.5f;
            }
        }
        int[] label = new int[w * h];
        int regions = 0;
        StringBuilder note = new StringBuilder();
        for (int start = 0; start < on.length; start++) {
            if (!on[start] || label[start] != 0) {
                continue;
            }
            regions++;
            int size = 0;
            int lowest = 0;
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            queue.add(start);
            label[start] = regions;
            while (!queue.isEmpty()) {
                int p = queue.poll();
                size++;
                int px = p % w;
                int py = p / w;
                lowest = Math.max(lowest, py);
                int[][] nb = {{px - 1, py}, {px + 1, py}, {px, py - 1}, {px, py + 1}};
                for (int[] q : nb) {
                    if (q[0] >= 0 && q[1] >= 0 && q[0] < w && q[1] < h && on[q[1] * w + q[0]]
                            && label[q[1] * w + q[0]] == 0) {
                        label[q[1] * w + q[0]] = regions;
                        queue.add(q[1] * w + q[0]);
                    }
                }
            }
            double share = size / (double) (w * h);
            if (share >= 0.02) {
                double bottom = (lowest + 1) / (double) h;
                note.append(String.format(Locale.ROOT, " person %.0f%% to %.0f%%", 100 * share, 100 * bottom));
                if (bottom < 0.95) {
                    problems.add(what + ": a person region covering " + Math.round(100 * share)
                            + " % of the frame ends at " + Math.round(100 * bottom) + " % of its height (floating)");
                }
            }
        }
        return note.toString();
    }

    /** The cut-out actors' faces, re-detected where they were placed, match in size (+-15 %) and eye line. */
    static void checkHeads(Scene scene, BufferedImage frame, List<Map.Entry<String, double[]>> layers, String what,
                           List<String> problems) {
        List<FaceBox> seen = detector.detect(frame);
        List<FaceBox> found = new ArrayList<>();
        for (Map.Entry<String, double[]> l : layers) {
            double[] p = l.getValue();
            FaceBox f = performer.analyse(scene.actor(l.getKey()).orElseThrow(), false).face().orElseThrow();
            FaceBox on = GroupPhotoTest.nearest(seen, new double[] {p[0] * f.centerX() + p[1],
                    p[0] * f.centerY() + p[2]}, p[0] * f.width());
            if (on == null) {
                problems.add(what + ": the face of " + l.getKey() + " is not re-detected where it was placed");
                return;
            }
            found.add(on);
        }
        FaceBox a = found.get(0);
        FaceBox b = found.get(1);
        double ratio = Math.max(a.width(), b.width()) / Math.min(a.width(), b.width());
        if (ratio > 1.15) {
            problems.add(what + ": heads differ in size by " + ratio + ": " + a + " / " + b);
        }
        double eyes = Math.abs(a.eyeCenter().y() - b.eyeCenter().y()) / Math.max(a.height(), b.height());
        if (eyes > 0.25) {
            problems.add(what + ": eye lines differ by " + eyes + " face heights");
        }
    }

    @Test
    void twoSinglePersonPhotosMakeAGroundedMatchedTwoShot() {
        Scene scene = Scene.builder().resolution(Resolution.FULL_HD)
                .actor("EILEEN", Fixtures.astronaut())
                .actor("KAROLINA", Fixtures.photo("pexels_selfie_squint.jpg"))
                .actor("EILEEN").camera(Camera.TWO_SHOT).says("We launch at dawn.")
                .actor("KAROLINA").says("I will be there.")
                .build();
        Result r = render(scene, "half-body");
        assertTrue(r.twoShotFrames() > 0, "the scene has two-shots");
        assertTrue(r.cutOutFrames() == r.twoShotFrames(), "every two-shot frame is a cut-out two-shot; warnings "
                + r.warnings());
        assertTrue(planWarnings(scene).stream().noneMatch(w -> w.startsWith("No two-shot")), planWarnings(scene)
                .toString());
    }

    @Test
    void groupPhotosGiveASplitScreenAndSaySo() {
        Scene scene = Scene.builder().resolution(Resolution.FULL_HD)
                .actor("CHEER", Fixtures.photo("pexels_cheering_full_body.jpg")).face(FacePick.index(2))
                .actor("DANCE", Fixtures.photo("pexels_dancing_eyes_closed.jpg")).face(FacePick.index(1))
                .actor("CHEER").camera(Camera.TWO_SHOT).says("We won!")
                .actor("DANCE").says("Then dance.")
                .build();
        Result r = render(scene, "groups");
        assertTrue(r.twoShotFrames() > 0, "the scene has two-shots");
        assertTrue(r.cutOutFrames() == 0, "no cut-out of one person from a group photo");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("shows 5 people")), "says why: " + r.warnings());
        assertTrue(planWarnings(scene).stream().anyMatch(w -> w.contains("shows 5 people")),
                "the plan says so before rendering: " + planWarnings(scene));
    }

    @Test
    void aTightHeadCropGivesASplitScreenAndSaysSo() {
        Scene scene = Scene.builder().resolution(Resolution.FULL_HD)
                .actor("GRACE", Fixtures.graceHopper()).camera(Camera.TWO_SHOT).says("They scrubbed the launch.")
                .actor("EILEEN", Fixtures.astronaut()).says("Again?")
                .build();
        Result r = render(scene, "head-crops");
        assertTrue(r.twoShotFrames() > 0);
        assertTrue(r.cutOutFrames() == 0, "no cut-out two-shot of head crops");
        assertFalse(r.warnings().stream().noneMatch(w -> w.startsWith("No two-shot")), "says why: " + r.warnings());
        assertTrue(planWarnings(scene).stream().anyMatch(w -> w.startsWith("No two-shot of 'GRACE' and 'EILEEN'")),
                "the plan says so before rendering: " + planWarnings(scene));
    }

    /** The layouts of the cut planned from the cast's pixels (no render). */
    private static List<Shot.Layout> plannedLayouts(Scene scene) {
        Timeline t = new TimelinePlanner().plan(scene, scene.lines().stream().map(l -> silent(1.6)).toList(),
                performer.cast(scene));
        t.shots().forEach(s -> assertTrue(s.hasSourceScale() && s.sourceScale() <= Framing.MAX_UPSCALE + 1e-9,
                s.toString()));
        return t.shots().stream().map(Shot::layout).toList();
    }

    @Test
    void thePlanFramedFromTheCastSplitsTheScreenWhereATwoShotWouldFloat() {
        Scene heads = Scene.builder().resolution(Resolution.FULL_HD)
                .actor("GRACE", Fixtures.graceHopper()).camera(Camera.TWO_SHOT).says("They scrubbed the launch.")
                .actor("EILEEN", Fixtures.astronaut()).says("Again?")
                .build();
        assertFalse(plannedLayouts(heads).contains(Shot.Layout.TWO_SHOT), "head crops: " + plannedLayouts(heads));
        assertTrue(plannedLayouts(heads).contains(Shot.Layout.SPLIT), plannedLayouts(heads).toString());
        Scene groups = Scene.builder().resolution(Resolution.FULL_HD)
                .actor("CHEER", Fixtures.photo("pexels_cheering_full_body.jpg")).face(FacePick.index(2))
                .actor("DANCE", Fixtures.photo("pexels_dancing_eyes_closed.jpg")).face(FacePick.index(1))
                .actor("CHEER").camera(Camera.TWO_SHOT).says("We won!")
                .actor("DANCE").says("Then dance.")
                .build();
        assertFalse(plannedLayouts(groups).contains(Shot.Layout.TWO_SHOT), "groups: " + plannedLayouts(groups));
        Scene bodies = Scene.builder().resolution(Resolution.FULL_HD)
                .actor("EILEEN", Fixtures.astronaut())
                .actor("KAROLINA", Fixtures.photo("pexels_selfie_squint.jpg"))
                .actor("EILEEN").camera(Camera.TWO_SHOT).says("We launch at dawn.")
                .actor("KAROLINA").says("I will be there.")
                .build();
        assertTrue(plannedLayouts(bodies).contains(Shot.Layout.TWO_SHOT), "half-body: " + plannedLayouts(bodies));
    }
}
