package ai.gaga.rig;

import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.FaceWarning;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.testing.Fixtures;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): per animatable face of every fixture photo, the one-time cost of deriving the neutral rest
 * ({@link NeutralRest#of}, median of 5; and with the re-read passes a render runs, where the closed rest is analysed
 * again by the face models, median of 3) and the rig's draw time per frame on a 1080p close-up plate (the plate scaled
 * so the eyes are 216 px apart, a fifth of the frame height; every control moving, a new set of controls per frame,
 * median of 60 frames after 20 warm-up frames).
 *
 * <p>Run: {@code gaga-bench/run ai.gaga.rig.RestBenchmark [NAME [FRAMES]]} from the repository root; NAME keeps only the
 * fixture photos whose file name contains it (e.g. {@code selfie}), FRAMES sets how many frames are timed (default 60).
 */
public final class RestBenchmark {
    private RestBenchmark() {
    }

    public static void main(String[] args) {
        String[] files = {"grace_hopper_512x512.jpg", "astronaut.png", "pexels_man_looking_away.jpg",
            "pexels_group_three.jpg", "pexels_family_smiles.jpg", "pexels_cheering_full_body.jpg",
            "pexels_dancing_eyes_closed.jpg", "pexels_selfie_squint.jpg"};
        // optional: only the photos whose name contains args[0], and args[1] timed frames (default 60)
        String only = args.length > 0 ? args[0] : "";
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        System.out.println("face                               rest-ms  rest+re-read-ms  draw-ms(1080p close-up)  plate-scale  relaxed");
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            FaceDetector detector = new FaceDetector(services);
            for (String file : files) {
                if (!file.contains(only)) {
                    continue;
                }
                BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo(file)));
                List<FaceBox> faces = detector.detect(photo);
                for (int k = 0; k < faces.size(); k++) {
                    FaceAnalysis a = analyzer.analyze(photo, faces.get(k));
                    if (a.warnings().contains(FaceWarning.TOO_SMALL)) {
                        continue;
                    }
                    long[] rest = new long[5];
                    long[] reread = new long[3];
                    NeutralRest.Result r = null;
                    for (int i = 0; i < rest.length; i++) {
                        long t0 = System.nanoTime();
                        r = NeutralRest.of(photo, a);
                        rest[i] = System.nanoTime() - t0;
                    }
                    FaceBox box = faces.get(k);
                    for (int i = 0; i < reread.length; i++) {
                        // what a render does: the closed rest is analysed again with the same face models
                        long t0 = System.nanoTime();
                        r = NeutralRest.of(photo, a, image -> analyzer.analyze(image, box));
                        reread[i] = System.nanoTime() - t0;
                    }
                    // A close-up as the compositor draws it: eyes 216 px apart where the photo allows, never above
                    // the 1.9x upscale limit, looked at through a 1920x1080 window centred on the face.
                    double scale = Math.min(216 / a.mesh().interOcularDistance(), 1.9);
                    AnimatedPlate plate = AnimatedPlate.create(r.photo(), r.analysis(), scale, FacePerformance.REST,
                            r.interior(), java.util.List.of());
                    int cx = (int) Math.round(a.box().centerX() * scale);
                    int cy = (int) Math.round(a.box().centerY() * scale);
                    plate.view(Math.max(0, cx - 960), Math.max(0, cy - 540), Math.min(plate.width(), cx + 960),
                            Math.min(plate.height(), cy + 540));
                    FaceControls c = new FaceControls();
                    long[] draw = new long[frames];
                    for (int f = -20; f < draw.length; f++) {
                        double p = (f + 20) * 0.37;
                        for (FaceControl control : FaceControl.values()) {
                            double v = 0.5 + 0.45 * Math.sin(p + control.ordinal());
                            c.set(control, control.signed() ? (v - 0.5) * (control.name().startsWith("HEAD") ? 16 : 1)
                                    : v * (control.name().startsWith("EYE_BLINK") ? 1 : 0.6));
                        }
                        long t0 = System.nanoTime();
                        plate.draw(c);
                        if (f >= 0) {
                            draw[f] = System.nanoTime() - t0;
                        }
                    }
                    System.out.printf(Locale.ROOT, "%-34s %7.1f %16.1f %24.1f  %11.2f  %s%n",
                            file.replaceFirst("\\..*", "") + "#" + k, median(rest) / 1e6, median(reread) / 1e6,
                            median(draw) / 1e6,
                            scale, r.relaxed());
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
