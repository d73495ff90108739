package ai.gaga.picture;

import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.Images;
import ai.gaga.face.TestServices;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.VideoFormat;
import ai.gaga.rig.AnimatedPlate;
import ai.gaga.rig.BodyMotionTest;
import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FacePerformance;
import ai.gaga.scene.Camera;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.TimelinePlanner;
import ai.gaga.audio.PcmAudio;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The body layer reaches the screen: a full-body photo in a still 1080p wide shot, its plate breathing (exhaled on
 * even frames, inhaled on odd ones), re-measured in the composited frames. The shoulders' vertical displacement
 * between an exhaled and an inhaled frame, by block matching, is at least 1 px, and the frame's top rows (background
 * above the people) do not change. Guards the compositor's view hint, which lets a plate skip the body it does not
 * show.
 */
class BodyInShotTest {
    private static final Logger LOG = LoggerFactory.getLogger(BodyInShotTest.class);

    @Test
    void aWideShotOfAFullBodyPhotoBreathesAtTheShoulders() {
        try (TestServices services = new TestServices()) {
            FaceDetector detector = new FaceDetector(services);
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            FacePerformance breathing = (frame, out) -> out.reset().set(FaceControl.BREATH, frame % 2);
            PlateSource plates = (actor, a, scale) -> AnimatedPlate.create(Images.toBgr(a.image()),
                    analyzer.analyze(Images.toBgr(a.image()), a.face().orElseThrow()), scale, breathing);
            Scene scene = Scene.builder().resolution(Resolution.FULL_HD)
                    .actor("CHEER", Fixtures.photo("pexels_cheering_full_body.jpg"))
                    .camera(Camera.WIDE).camera(Camera.STATIC).says("We won!").build();
            VideoFormat format = new VideoFormat(scene.resolution(), scene.fps(), 10);
            try (StillPhotoPerformer performer = new StillPhotoPerformer(detector, null, plates);
                 ShotCompositor r = (ShotCompositor) performer.prepare(scene, new TimelinePlanner().plan(scene,
                         List.of(new Utterance(PcmAudio.silence(0.4, PcmAudio.STANDARD_RATE, 1),
                                 List.of(new PhoneTiming("a", 0, 0.4)), "test"))), format)) {
                Shot shot = r.shots().get(0);
                float[] exhaled = luma(RenderedFrames.render(r, 2, format));
                float[] inhaled = luma(RenderedFrames.render(r, 3, format));
                int w = format.width();
                int h = format.height();
                double[] p = r.placements(2).get(0).getValue();
                FaceBox face = performer.analyse(Fixtures.photo("pexels_cheering_full_body.jpg"), false).face()
                        .orElseThrow();
                double fx = p[0] * face.centerX() + p[1];
                double chin = p[0] * face.maxY() + p[2];
                double fw = p[0] * face.width();
                int size = Math.max(12, (int) (fw / 4));
                List<Double> dy = new ArrayList<>();
                for (int by = (int) (chin + 0.6 * fw); by + size < Math.min(h - 12, chin + 1.6 * fw); by += size) {
                    for (int bx = (int) (fx - 1.2 * fw); bx < fx + 1.2 * fw; bx += size) {
                        double[] m = BodyMotionTest.match(exhaled, inhaled, w, h, bx, by, size, 6);
                        if (m != null) {
                            dy.add(m[1]);
                        }
                    }
                }
                double median = dy.stream().sorted().skip(dy.size() / 2).findFirst().orElse(Double.NaN);
                int changedTop = 0;
                for (int i = 0; i < w * (h / 20); i++) {
                    changedTop += exhaled[i] != inhaled[i] ? 1 : 0;
                }
                LOG.info(String.format(Locale.ROOT, "%s: %d shoulder blocks, median rise %.2f px (face %.0f px wide "
                        + "on screen), top rows changed %d", shot, dy.size(), -median, fw, changedTop));
                assertTrue(-median >= 1.0, "the shoulders rise " + (-median) + " px on the inhale");
                assertTrue(changedTop == 0, changedTop + " pixels of the background above the people changed");
            }
        }
    }

    /**
     * A two-shot cut-out's matte follows the breathing shoulders: on the selfie and the astronaut, the top of the
     * shoulders' silhouette (where the matte crosses half opacity, in the columns the body layer moves) rises with the
     * inhale by at least half the lift the body layer gives there, and the colours just inside it are the person's.
     */
    @Test
    void aCutOutsSilhouetteRisesWithTheShoulders() {
        List<String> failures = new ArrayList<>();
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            FacePerformance breathing = (frame, out) -> out.reset().set(FaceControl.BREATH, frame % 2);
            for (String name : List.of("pexels_selfie_squint.jpg", "astronaut.png")) {
                java.awt.image.BufferedImage photo = Images.toBgr(ai.gaga.face.PhotoLoader.load(Fixtures.photo(name)));
                ai.gaga.face.FaceAnalysis a = analyzer.analyze(photo);
                double scale = 100 / a.mesh().interOcularDistance(); // eyes 100 px apart: a two-shot's size
                AnimatedPlate plate = AnimatedPlate.create(photo, a, scale, breathing);
                CutOut cut = new CutOut(plate, ShotCompositor.FEATHER, ShotCompositor.EDGE_LOW,
                        ShotCompositor.EDGE_HIGH);
                int w = plate.width();
                int h = plate.height();
                cut.draw(2);
                byte[] exhaled = cut.alpha.clone();
                cut.draw(3);
                byte[] inhaled = cut.alpha.clone();
                FaceBox face = plate.face().orElseThrow();
                double lift = 0.045 * plate.rig().interOcular(); // BodyLayer.BREATH_LIFT at full weight
                List<Double> rises = new ArrayList<>();
                List<Double> expected = new ArrayList<>();
                for (int x = 0; x < w; x++) {
                    double off = Math.abs(x + 0.5 - face.centerX()) / face.width();
                    if (off < 0.8 || off > 1.8) {
                        continue;
                    }
                    double y0 = crossing(exhaled, w, h, x, (int) face.maxY());
                    double y1 = crossing(inhaled, w, h, x, (int) face.maxY());
                    if (Double.isNaN(y0) || Double.isNaN(y1)) {
                        continue;
                    }
                    float k = plate.bodyWeight(x + 0.5, y0);
                    if (k >= 0.5) {
                        rises.add(y0 - y1);
                        expected.add(k * lift);
                    }
                }
                double rise = rises.stream().sorted().skip(rises.size() / 2).findFirst().orElse(Double.NaN);
                double want = expected.stream().sorted().skip(expected.size() / 2).findFirst().orElse(Double.NaN);
                String line = String.format(Locale.ROOT, "%s: %d shoulder columns, silhouette rises %.2f px, the body "
                        + "layer lifts %.2f px there", name, rises.size(), rise, want);
                LOG.info(line);
                if (rises.size() < 10 || !(rise >= 0.5 * want)) {
                    failures.add(line);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Where column x's matte first reaches half opacity below {@code from}, with sub-pixel interpolation. */
    private static double crossing(byte[] alpha, int w, int h, int x, int from) {
        for (int y = Math.max(1, from); y < h; y++) {
            int a = alpha[y * w + x] & 0xff;
            int b = alpha[(y - 1) * w + x] & 0xff;
            if (a >= 128 && b < 128) {
                return y - 1 + (128.0 - b) / (a - b) + 0.5;
            }
        }
        return Double.NaN;
    }

    private static float[] luma(FrameBuffer f) {
        byte[] b = f.bgr();
        float[] out = new float[f.width() * f.height()];
        for (int i = 0; i < out.length; i++) {
            out[i] = 0.114f * (b[3 * i] & 0xFF) + 0.587f * (b[3 * i + 1] & 0xFF) + 0.299f * (b[3 * i + 2] & 0xFF);
        }
        return out;
    }
}
