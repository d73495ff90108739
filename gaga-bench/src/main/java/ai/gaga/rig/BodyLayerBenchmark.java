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
 * Benchmark (not a test): the rig's whole draw per frame (every control moving, a new set per frame, median of 60
 * after 20 warm-up frames) and the body layer's share of it ({@link BodyLayer#draw} alone), for the largest face of
 * the full-body, dancing, selfie, family and astronaut photos, on two plates: the photo at 1080 lines (a wide shot of
 * the whole photo) and the closest 1080p shot its pixels allow (eyes 216 px apart as in {@link RestBenchmark}'s
 * close-up, but never above 1.9x). Wall and thread CPU milliseconds (the CPU time is what a busy machine distorts
 * least), each plate looked at through the 1920x1080 window a frame at its scale shows ({@code plate.view}). The
 * budget is 12 ms per frame.
 *
 * <p>Run: {@code gaga-bench/run ai.gaga.rig.BodyLayerBenchmark}.
 */
public final class BodyLayerBenchmark {
    private BodyLayerBenchmark() {
    }

    public static void main(String[] args) {
        String[] files = {"pexels_cheering_full_body.jpg", "pexels_dancing_eyes_closed.jpg",
            "pexels_selfie_squint.jpg", "pexels_family_smiles.jpg", "astronaut.png"};
        System.out.println("photo                           plate        body-px   draw-ms  body-ms  draw-cpu-ms"
                + "  body-cpu-ms");
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            for (String file : files) {
                BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo(file)));
                FaceAnalysis a = analyzer.analyze(photo);
                double[] scales = {Math.min(1.9, 1080.0 / photo.getHeight()),
                    Math.min(1.9, 216 / a.mesh().interOcularDistance())};
                for (double scale : scales) {
                    AnimatedPlate plate = AnimatedPlate.create(photo, a, scale, FacePerformance.REST);
                    BodyLayer body = BodyLayer.of(plate.face().orElseThrow(), plate.rig().restY(152),
                            plate.rig().interOcular(), plate.personAlpha().orElseThrow(), plate.width(),
                            plate.height(), java.util.List.of());
                    // what a 1920x1080 frame at the plate's scale shows: the face centred, the eyes at 40 % height
                    var face = plate.face().orElseThrow();
                    int vx = (int) Math.max(0, Math.min(plate.width() - 1920, face.centerX() - 960));
                    int vy = (int) Math.max(0, Math.min(plate.height() - 1080, face.eyeCenter().y() - 432));
                    int[] view = {vx, vy, Math.min(plate.width(), vx + 1920), Math.min(plate.height(), vy + 1080)};
                    plate.view(view[0], view[1], view[2], view[3]);
                    int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
                    if (body != null) {
                        body.bounds(box, view);
                    }
                    long area = body == null ? 0 : (long) (box[2] - box[0] + 1) * (box[3] - box[1] + 1);
                    FaceControls c = new FaceControls();
                    long[] draw = new long[60];
                    long[] bodyOnly = new long[60];
                    long[] drawCpu = new long[60];
                    long[] bodyCpu = new long[60];
                    byte[] out = plate.restBgr().clone();
                    for (int f = -20; f < draw.length; f++) {
                        double p = (f + 20) * 0.37;
                        for (FaceControl control : FaceControl.values()) {
                            double v = 0.5 + 0.45 * Math.sin(p + control.ordinal());
                            c.set(control, control.signed() ? (v - 0.5) * (control.name().startsWith("HEAD") ? 16 : 1)
                                    : v * (control.name().startsWith("EYE_BLINK") ? 1 : 0.6));
                        }
                        long c0 = mx.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        plate.draw(c);
                        long t1 = System.nanoTime();
                        long c1 = mx.getCurrentThreadCpuTime();
                        if (body != null) {
                            body.draw(plate.restBgr(), out, 1.7 + 0.1 * Math.sin(p), -2.3 + 0.1 * Math.cos(p), view);
                        }
                        long t2 = System.nanoTime();
                        long c2 = mx.getCurrentThreadCpuTime();
                        if (f >= 0) {
                            draw[f] = t1 - t0;
                            bodyOnly[f] = t2 - t1;
                            drawCpu[f] = c1 - c0;
                            bodyCpu[f] = c2 - c1;
                        }
                    }
                    System.out.printf(Locale.ROOT, "%-31s %5dx%-5d %9d %9.1f %8.1f %12.1f %12.1f%n",
                            file.replaceFirst("\\..*", ""), plate.width(), plate.height(), area,
                            median(draw) / 1e6, median(bodyOnly) / 1e6, median(drawCpu) / 1e6,
                            median(bodyCpu) / 1e6);
                }
            }
        }
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
