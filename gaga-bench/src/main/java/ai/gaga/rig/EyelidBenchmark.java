package ai.gaga.rig;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.testing.Fixtures;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark (not a test): the photographic eyelids' cost per frame on a 1080p close-up plate (eyes 216 px apart),
 * for the fixture portraits: the whole draw of a blinking, slightly turning head, and the eyelid painter alone
 * (median of 100 frames after 30 warm-up frames).
 *
 * <p>Run: {@code gaga-bench/run ai.gaga.rig.EyelidBenchmark}.
 */
public final class EyelidBenchmark {
    private EyelidBenchmark() {
    }

    public static void main(String[] args) {
        String[] files = {"grace_hopper_512x512.jpg", "astronaut.png", "pexels_man_looking_away.jpg"};
        System.out.println("face                          draw-ms  lids-ms  (1080p close-up, blinking)");
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            for (String file : files) {
                BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo(file)));
                FaceAnalysis a = analyzer.analyze(photo);
                double scale = 216 / a.mesh().interOcularDistance();
                AnimatedPlate plate = AnimatedPlate.create(photo, a, scale, FacePerformance.REST);
                FaceRig rig = plate.rig();
                EyelidPainter lids = new EyelidPainter(rig, plate.restBgr());
                float[] x = new float[rig.pointCount()];
                float[] y = new float[rig.pointCount()];
                int[] dirty = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
                FaceControls c = new FaceControls();
                long[] draw = new long[100];
                long[] paint = new long[100];
                for (int f = -30; f < draw.length; f++) {
                    double blink = 0.55 + 0.45 * Math.sin(f * 0.41);
                    c.set(FaceControl.EYE_BLINK_LEFT, blink).set(FaceControl.EYE_BLINK_RIGHT, blink)
                            .set(FaceControl.HEAD_YAW, 3 * Math.sin(f * 0.13));
                    long t0 = System.nanoTime();
                    plate.draw(c);
                    long t1 = System.nanoTime();
                    rig.deform(c, x, y);
                    long t2 = System.nanoTime();
                    lids.paint(plate.bgr(), x, y, c, dirty);
                    long t3 = System.nanoTime();
                    if (f >= 0) {
                        draw[f] = t1 - t0;
                        paint[f] = t3 - t2;
                    }
                }
                System.out.printf(Locale.ROOT, "%-28s %8.2f %8.2f%n", file.replaceFirst("\\..*", ""),
                        median(draw) / 1e6, median(paint) / 1e6);
            }
        }
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
