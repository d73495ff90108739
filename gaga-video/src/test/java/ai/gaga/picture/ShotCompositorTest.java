package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.Images;
import ai.gaga.face.TestServices;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Camera;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Grade;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelinePlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real renders of the two fixture actors through the compositor: cuts, two-shots, grades, rain, aspect ratios. */
class ShotCompositorTest {
    private static final Logger LOG = LoggerFactory.getLogger(ShotCompositorTest.class);
    /** Where to keep a few frames for looking at (environment variable GAGA_TEST_FRAMES); unset = none written. */
    private static final String FRAMES_DIR = System.getenv("GAGA_TEST_FRAMES");

    private static TestServices services;
    private static StillPhotoPerformer performer;
    private static FaceDetector detector;

    @BeforeAll
    static void setUp() {
        services = new TestServices();
        performer = new StillPhotoPerformer(services);
        detector = new FaceDetector(services);
    }

    @AfterAll
    static void tearDown() {
        performer.close();
        services.close();
    }

    /** Grace and the astronaut in the rain: overlaps, a pause, an emotion turn and a push-in. */
    private static Scene dialogue(Resolution res) {
        return Scene.builder().resolution(res).heading("EXT. LAUNCH PAD - NIGHT")
                .actor("grace", Fixtures.graceHopper()).says("They scrubbed the launch.")
                .actor("eileen", Fixtures.astronaut()).says("Again?").emotion(Emotion.SADNESS, 0.6)
                .actor("grace").says("Weather.").overlapsPrevious(Duration.ofMillis(1200))
                .ambience("rain on metal")
                .pause(Duration.ofMillis(600))
                .actor("eileen").camera(Camera.PUSH_IN).says("Then we fly tomorrow!").emotion(Emotion.JOY, 0.9)
                .build();
    }

    private static Timeline plan(Scene scene) {
        // grace 0-2, eileen 2-4.2, grace over her 3.2-4.2, rain, 0.6 s pause, eileen 4.8-6.8
        return new TimelinePlanner().plan(scene, List.of(silent(2.0), silent(2.2), silent(1.0), silent(2.0)));
    }

    @Test
    void cutsOfARenderedDialogueMatchThePlanExactly() {
        Scene scene = dialogue(Resolution.FULL_HD);
        Timeline timeline = plan(scene);
        VideoFormat format = new VideoFormat(scene.resolution(), scene.fps(), timeline.frameCount(scene.fps()));
        LOG.info("Plan: {}", timeline.shots());
        assertTrue(timeline.shots().size() >= 4, "a dialogue with overlaps needs several shots");
        List<Double> diffs = new ArrayList<>();
        long nanos = 0;
        try (FrameRenderer r = performer.prepare(scene, timeline, format)) {
            FrameBuffer prev = new FrameBuffer(format.width(), format.height());
            FrameBuffer cur = new FrameBuffer(format.width(), format.height());
            for (int i = 0; i < format.frameCount(); i++) {
                long t0 = System.nanoTime();
                r.render(i, cur);
                nanos += System.nanoTime() - t0;
                if (i > 0) {
                    diffs.add(meanAbsDiff(prev, cur));
                }
                save(cur, "dialogue", i, timeline.shots());
                FrameBuffer t = prev;
                prev = cur;
                cur = t;
            }
        }
        LOG.info("Dialogue render (two-shot, singles, rain, grades) at 1920x1080: {} ms/frame over {} frames",
                String.format("%.2f", nanos / 1e6 / format.frameCount()), format.frameCount());
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int i = 0; i < diffs.size(); i++) {
            if (diffs.get(i) > 12) {
                cuts.add(i + 1); // diffs[i] compares frames i and i + 1
            }
        }
        TreeSet<Integer> planned = new TreeSet<>();
        timeline.shots().stream().skip(1).forEach(s -> planned.add(s.startFrame()));
        double within = 0;
        for (int i = 0; i < diffs.size(); i++) {
            if (!planned.contains(i + 1)) {
                within = Math.max(within, diffs.get(i));
            }
        }
        LOG.info("Detected cuts {} (planned {}); largest change within a shot {}", cuts, planned,
                String.format("%.2f", within));
        assertEquals(planned, cuts);
    }

    @Test
    void twoShotOfHeadCropsShowsBothFacesSideBySideAsASplitScreen() {
        Scene scene = dialogue(Resolution.FULL_HD);
        Timeline timeline = plan(scene);
        Shot opening = timeline.shots().get(0);
        assertEquals(Shot.Layout.TWO_SHOT, opening.layout());
        VideoFormat format = new VideoFormat(scene.resolution(), scene.fps(), timeline.frameCount(scene.fps()));
        try (FrameRenderer r = performer.prepare(scene, timeline, format)) {
            FrameBuffer fb = RenderedFrames.render(r, 10, format);
            List<FaceBox> faces = detector.detect(Images.fromBgr(fb.bgr(), fb.width(), fb.height()));
            LOG.info("Two-shot faces: {}", faces);
            assertTrue(faces.size() >= 2, "two faces expected, found " + faces);
            FaceBox a = faces.get(0).centerX() < faces.get(1).centerX() ? faces.get(0) : faces.get(1);
            FaceBox b = a == faces.get(0) ? faces.get(1) : faces.get(0);
            assertTrue(a.centerX() < 0.45 * format.width() && b.centerX() > 0.55 * format.width(),
                    "faces left and right: " + a + " " + b);
            // Grace Hopper's photo is a head-and-shoulders crop: grounded on the bottom edge her head would not
            // match Eileen's, so the two-shot is a split screen, and the renderer says why.
            assertTrue(((ShotCompositor) r).warnings().stream().anyMatch(w -> w.startsWith("No two-shot")),
                    "a split screen instead of a floating two-shot: " + ((ShotCompositor) r).warnings());
            for (FaceBox f : List.of(a, b)) {
                assertInside(f, format);
            }
        }
    }

    @Test
    void aBlackAndWhitePhotoStaysBlackAndWhiteUnderAWarmGrade(@TempDir Path dir) throws IOException {
        // Seen failing before: the warm grade of a happy line turned a black-and-white portrait sepia (mean B, G, R
        // spread 20+ levels).
        BufferedImage colour = Images.toBgr(ImageIO.read(Fixtures.graceHopper().toFile()));
        byte[] px = Images.bgr(colour).clone();
        for (int i = 0; i < px.length; i += 3) {
            int l = (int) Math.round(0.114 * (px[i] & 0xff) + 0.587 * (px[i + 1] & 0xff) + 0.299 * (px[i + 2] & 0xff));
            px[i] = (byte) l;
            px[i + 1] = (byte) l;
            px[i + 2] = (byte) l;
        }
        Path grey = dir.resolve("grace-bw.png");
        ImageIO.write(Images.fromBgr(px, colour.getWidth(), colour.getHeight()), "png", grey.toFile());
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, 10);
        Grade warm = new Grade(Grade.Look.WARM, 0.8, 0.8);
        Shot s = shot(0, 10, Shot.Layout.SINGLE, List.of("grace"), Shot.Move.STATIC, warm);
        Scene cast = Scene.builder().actor("grace", grey).says("a").build();
        double[] spread = new double[2];
        for (int k = 0; k < 2; k++) {
            PhotoAnalysis photo = performer.analyse(k == 0 ? grey : Fixtures.graceHopper(), false);
            try (FrameRenderer r = ShotCompositor.create(List.of(new ShotCompositor.Member(cast.actors().get(0),
                    photo)), List.of(s), format, 7, PlateSource.STILL)) {
                byte[] f = RenderedFrames.render(r, 5, format).bgr();
                long sum = 0;
                for (int i = 0; i < f.length; i += 3) {
                    int b = f[i] & 0xff;
                    int g = f[i + 1] & 0xff;
                    int rr = f[i + 2] & 0xff;
                    sum += Math.max(b, Math.max(g, rr)) - Math.min(b, Math.min(g, rr));
                }
                spread[k] = sum / (f.length / 3.0);
            }
        }
        LOG.info("Mean spread between channels under a warm grade: black and white {}, colour {}", spread[0],
                spread[1]);
        assertTrue(spread[0] < 0.5, "a black-and-white photo took colour: " + spread[0]);
        assertTrue(spread[1] > 10, "the colour photo keeps the warm grade: " + spread[1]);
    }

    @Test
    void nightAndRainAreDarkerAndCoolerThanDay() {
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, 50);
        double[] day = meanColour(single(Grade.of(Grade.Look.WARM, 0.3), format, 30));
        double[] neutral = meanColour(single(Grade.NEUTRAL, format, 30));
        double[] night = meanColour(single(Grade.of(Grade.Look.NIGHT, 0.8), format, 30));
        double[] rain = meanColour(single(Grade.of(Grade.Look.RAIN, 0.8), format, 30));
        double[] sad = meanColour(single(new Grade(Grade.Look.NEUTRAL, 0, -0.8), format, 30));
        LOG.info("Mean B,G,R: day {} neutral {} night {} rain {} sad {}", Arrays.toString(day),
                Arrays.toString(neutral), Arrays.toString(night), Arrays.toString(rain), Arrays.toString(sad));
        for (double[] dark : List.of(night, rain)) {
            assertTrue(luma(dark) < 0.85 * luma(day), "not darker than day: " + Arrays.toString(dark));
            assertTrue(dark[0] / dark[2] > 1.1 * day[0] / day[2], "not cooler than day: " + Arrays.toString(dark));
        }
        assertTrue(luma(night) < luma(rain), "night darker than rain");
        assertTrue(sad[0] / sad[2] > neutral[0] / neutral[2] * 1.1, "sadness cools the light");
        assertTrue(day[2] / day[0] > neutral[2] / neutral[0] * 1.05, "day exterior is warm");
    }

    @Test
    void rainFadesInOverASecondAfterTheCutButANewTimeOfDayComesWithIt() {
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, 150);
        Shot day = shot(0, 50, Shot.Layout.SINGLE, List.of("grace"), Shot.Move.STATIC, Grade.NEUTRAL);
        Shot night = shot(50, 100, Shot.Layout.SINGLE, List.of("eileen"), Shot.Move.STATIC,
                Grade.of(Grade.Look.NIGHT, 1.0));
        Shot rain = shot(100, 150, Shot.Layout.SINGLE, List.of("grace"), Shot.Move.STATIC,
                Grade.of(Grade.Look.RAIN, 1.0));
        try (FrameRenderer r = compositor(List.of(day, night, rain), format)) {
            double cut = luma(meanColour(RenderedFrames.render(r, 50, format)));
            double settled = luma(meanColour(RenderedFrames.render(r, 80, format)));
            LOG.info("Day to night, luma at the cut {} and later {}", cut, settled);
            assertEquals(settled, cut, 0.5, "a new time of day switches with the cut");

            double before = luma(meanColour(RenderedFrames.render(r, 99, format)));
            double at = luma(meanColour(RenderedFrames.render(r, 100, format)));
            double mid = luma(meanColour(RenderedFrames.render(r, 112, format)));
            double after = luma(meanColour(RenderedFrames.render(r, 125, format)));
            double later = luma(meanColour(RenderedFrames.render(r, 140, format)));
            LOG.info("Night to rain, luma: {} | {} {} {} {}", before, at, mid, after, later);
            // Grace under the night grade at the cut, then the rain grade (lighter) fades in over a second.
            assertTrue(at < mid && mid < after, "light fades up: " + at + " " + mid + " " + after);
            assertEquals(after, later, 1.5, "settled after a second");
        }
    }

    @Test
    void rainStreaksFallAndStillPicturesStayStill() {
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, 50);
        Shot dry = shot(0, 50, Shot.Layout.SINGLE, List.of("grace"), Shot.Move.STATIC, Grade.NEUTRAL);
        Shot wet = shot(0, 50, Shot.Layout.SINGLE, List.of("grace"), Shot.Move.STATIC,
                Grade.of(Grade.Look.RAIN, 1.0));
        try (FrameRenderer r = compositor(List.of(dry), format)) {
            assertArrayEquals(RenderedFrames.render(r, 10, format).bgr(), RenderedFrames.render(r, 11, format).bgr(), "a static shot is still");
        }
        try (FrameRenderer r = compositor(List.of(wet), format)) {
            FrameBuffer a = RenderedFrames.render(r, 10, format);
            FrameBuffer b = RenderedFrames.render(r, 11, format);
            save(a, "rain", 10, List.of());
            int changed = 0;
            for (int i = 0; i < a.bgr().length; i += 3) {
                if (Math.abs((a.bgr()[i] & 0xff) - (b.bgr()[i] & 0xff)) > 8) {
                    changed++;
                }
            }
            double share = changed / (a.bgr().length / 3.0);
            LOG.info("Rain: {}% of pixels change between two frames of a static shot",
                    String.format("%.2f", 100 * share));
            assertTrue(share > 0.005 && share < 0.2, "rain streaks should move and stay sparse: " + share);
        }
    }

    @Test
    void verticalAndSquareKeepFacesInsideInSinglesAndTwoShots() {
        for (Resolution res : List.of(Resolution.VERTICAL_FULL_HD, Resolution.SQUARE)) {
            VideoFormat format = new VideoFormat(res, 25, 60);
            for (Shot.Size size : Shot.Size.values()) {
                Shot s = new Shot(0, 2.4, 0, 60, Shot.Layout.SINGLE, List.of("eileen"), size, Shot.Move.PUSH_IN, 1,
                        Grade.NEUTRAL);
                try (FrameRenderer r = compositor(List.of(s), format)) {
                    for (int i : new int[] {0, 59}) {
                        FaceBox f = RenderedFrames.detect(detector, RenderedFrames.render(r, i, format));
                        LOG.info("{} {} frame {} face {}", res, size, i, f);
                        assertInside(f, format);
                    }
                }
            }
            Shot two = shot(0, 60, Shot.Layout.TWO_SHOT, List.of("grace", "eileen"), Shot.Move.HANDHELD,
                    Grade.NEUTRAL);
            try (FrameRenderer r = compositor(List.of(two), format)) {
                FrameBuffer fb = RenderedFrames.render(r, 30, format);
                save(fb, "two-" + res, 30, List.of());
                List<FaceBox> faces = detector.detect(Images.fromBgr(fb.bgr(), fb.width(), fb.height()));
                LOG.info("{} two-shot faces {}", res, faces);
                assertTrue(faces.size() >= 2, res + ": two faces expected, found " + faces);
                faces.forEach(f -> assertInside(f, format));
                if (res.height() > res.width()) { // stacked: one face in each half
                    assertTrue(faces.stream().anyMatch(f -> f.maxY() < res.height() / 2.0)
                            && faces.stream().anyMatch(f -> f.y() > res.height() / 2.0), "stacked faces " + faces);
                }
            }
        }
    }

    @Test
    void cameraMovesAreSmoothAndDeterministic() {
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, 100);
        for (Shot.Move move : Shot.Move.values()) {
            Shot s = shot(0, 100, Shot.Layout.SINGLE, List.of("eileen"), move, Grade.NEUTRAL);
            byte[] first;
            double largest = 0;
            double total = 0;
            try (FrameRenderer r = compositor(List.of(s), format)) {
                FrameBuffer prev = RenderedFrames.render(r, 0, format);
                first = prev.bgr().clone();
                for (int i = 1; i < 100; i++) {
                    FrameBuffer cur = RenderedFrames.render(r, i, format);
                    double d = meanAbsDiff(prev, cur);
                    largest = Math.max(largest, d);
                    prev = cur;
                }
                total = meanAbsDiff(RenderedFrames.render(r, 0, format), RenderedFrames.render(r, 99, format));
            }
            try (FrameRenderer r = compositor(List.of(s), format)) {
                assertArrayEquals(first, RenderedFrames.render(r, 0, format).bgr(), move + " not deterministic");
            }
            LOG.info("{}: largest frame-to-frame change {}, first to last {}", move, String.format("%.2f", largest),
                    String.format("%.2f", total));
            assertTrue(largest < 6, move + " jumps: " + largest);
            if (move != Shot.Move.STATIC) {
                assertTrue(total > 1, move + " does not move: " + total);
            } else {
                assertEquals(0, total, 1e-9);
            }
        }
    }

    @Test
    void splitScreenShowsEachActorInAHalf() {
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, 10);
        Shot s = shot(0, 10, Shot.Layout.SPLIT, List.of("grace", "eileen"), Shot.Move.STATIC, Grade.NEUTRAL);
        try (FrameRenderer r = compositor(List.of(s), format)) {
            FrameBuffer fb = RenderedFrames.render(r, 5, format);
            save(fb, "split", 5, List.of());
            List<FaceBox> faces = detector.detect(Images.fromBgr(fb.bgr(), fb.width(), fb.height()));
            assertTrue(faces.size() >= 2, "two faces expected, found " + faces);
            assertTrue(faces.stream().anyMatch(f -> f.maxX() < 960) && faces.stream().anyMatch(f -> f.x() > 960),
                    "one face per half: " + faces);
        }
    }

    @Test
    void measuresFrameTimes() {
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, 250);
        for (Shot s : List.of(
                shot(0, 250, Shot.Layout.SINGLE, List.of("grace"), Shot.Move.PUSH_IN, Grade.NEUTRAL),
                shot(0, 250, Shot.Layout.SINGLE, List.of("grace"), Shot.Move.HANDHELD,
                        Grade.of(Grade.Look.RAIN, 0.8)),
                shot(0, 250, Shot.Layout.TWO_SHOT, List.of("grace", "eileen"), Shot.Move.PUSH_IN,
                        Grade.of(Grade.Look.NIGHT, 0.8)))) {
            try (FrameRenderer r = compositor(List.of(s), format)) {
                FrameBuffer fb = new FrameBuffer(format.width(), format.height());
                for (int i = 0; i < 40; i++) {
                    r.render(i, fb);
                }
                long t0 = System.nanoTime();
                for (int i = 40; i < 190; i++) {
                    r.render(i, fb);
                }
                LOG.info("Compositor {} {} {} at 1920x1080: {} ms/frame", s.layout(), s.move(), s.grade().look(),
                        String.format("%.2f", (System.nanoTime() - t0) / 1e6 / 150));
            }
        }
    }

    // ---- helpers ----

    private static Shot shot(int start, int end, Shot.Layout layout, List<String> who, Shot.Move move, Grade grade) {
        return new Shot(start / 25.0, end / 25.0, start, end, layout, who, Shot.Size.MEDIUM, move,
                move == Shot.Move.STATIC ? 0 : 1, grade);
    }

    private static ShotCompositor compositor(List<Shot> shots, VideoFormat format) {
        PhotoAnalysis grace = performer.analyse(Fixtures.graceHopper(), false);
        PhotoAnalysis eileen = performer.analyse(Fixtures.astronaut(), false);
        boolean cut = shots.stream().anyMatch(s -> s.layout() == Shot.Layout.TWO_SHOT);
        if (cut) {
            ai.gaga.face.PersonSegmenter seg = ai.gaga.face.PersonSegmenter.create(services);
            grace = grace.withPerson(seg.segment(grace.image()));
            eileen = eileen.withPerson(seg.segment(eileen.image()));
        }
        Scene cast = Scene.builder().actor("grace", Fixtures.graceHopper()).says("a")
                .actor("eileen", Fixtures.astronaut()).says("b").build();
        return ShotCompositor.create(List.of(new ShotCompositor.Member(cast.actors().get(0), grace),
                new ShotCompositor.Member(cast.actors().get(1), eileen)), shots, format, 7, PlateSource.STILL);
    }

    private static FrameBuffer single(Grade grade, VideoFormat format, int index) {
        Shot s = shot(0, format.frameCount(), Shot.Layout.SINGLE, List.of("grace"), Shot.Move.STATIC, grade);
        try (FrameRenderer r = compositor(List.of(s), format)) {
            FrameBuffer fb = RenderedFrames.render(r, index, format);
            save(fb, "grade-" + grade.look() + "-" + grade.warmth(), index, List.of());
            return fb;
        }
    }

    private static void assertInside(FaceBox f, VideoFormat format) {
        assertTrue(f.x() >= 0 && f.y() >= 0 && f.maxX() <= format.width() && f.maxY() <= format.height(),
                format.resolution() + ": face leaves the frame: " + f);
    }

    /** Mean absolute difference per channel value, over every 4th pixel of every 4th row. */
    static double meanAbsDiff(FrameBuffer a, FrameBuffer b) {
        byte[] x = a.bgr();
        byte[] y = b.bgr();
        long sum = 0;
        long n = 0;
        int w = a.width();
        for (int r = 0; r < a.height(); r += 4) {
            for (int c = 0; c < w; c += 4) {
                int o = (r * w + c) * 3;
                for (int k = 0; k < 3; k++) {
                    sum += Math.abs((x[o + k] & 0xff) - (y[o + k] & 0xff));
                }
                n += 3;
            }
        }
        return sum / (double) n;
    }

    /** Mean B, G, R. */
    static double[] meanColour(FrameBuffer fb) {
        double[] m = new double[3];
        byte[] px = fb.bgr();
        for (int i = 0; i < px.length; i += 3) {
            m[0] += px[i] & 0xff;
            m[1] += px[i + 1] & 0xff;
            m[2] += px[i + 2] & 0xff;
        }
        int n = px.length / 3;
        return new double[] {m[0] / n, m[1] / n, m[2] / n};
    }

    static double luma(double[] bgr) {
        return 0.114 * bgr[0] + 0.587 * bgr[1] + 0.299 * bgr[2];
    }

    /** Writes a frame as PNG when -Dgaga.frames=DIR is set: at every shot start and a few frames in. */
    private static void save(FrameBuffer fb, String name, int index, List<Shot> shots) {
        if (FRAMES_DIR == null) {
            return;
        }
        boolean wanted = shots.isEmpty() || shots.stream().anyMatch(s -> index == s.startFrame() + 12);
        if (!wanted) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(FRAMES_DIR));
            ImageIO.write(Images.fromBgr(fb.bgr(), fb.width(), fb.height()), "png",
                    dir.resolve(name + "-" + index + ".png").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
