package ai.gaga.evaluate;

import ai.gaga.face.TestServices;
import ai.gaga.scene.Emotion;
import ai.gaga.testing.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): generates a long talking clip ({@link TalkingClip}, mouth following a speech envelope,
 * still head) and evaluates it twice, without and with blendshapes, printing the analysis speed, the lip-sync
 * numbers and the rest drift over the whole length. Writes the report JSON and an emotion contact sheet next to the
 * clip.
 *
 * <p>Run: {@code java -cp <test classpath> ai.gaga.evaluate.EvaluatorBenchmark [seconds=60] [width=640]
 * [height=480] [outDir]}, or {@code ... EvaluatorBenchmark clip.mp4 [outDir]} to evaluate an existing clip (with
 * blendshapes) and write its report and a sheet of eight evenly spaced face crops.
 */
public final class EvaluatorBenchmark {
    private EvaluatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].endsWith(".mp4")) {
            evaluateExisting(Path.of(args[0]), args.length > 1 ? Path.of(args[1]) : Path.of("."));
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : TalkingClip.WIDTH;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : TalkingClip.HEIGHT;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("gaga-eval-bench");
        Files.createDirectories(dir);
        try (TestServices services = new TestServices();
             ClipEvaluator evaluator = new ClipEvaluator(services)) {
            TalkingClip clip = TalkingClip.of(Fixtures.graceHopper(), services, width, height);
            TalkingClip.Spec spec = new TalkingClip.Spec();
            spec.envelope = TalkingClip.speechEnvelope(seconds * TalkingClip.FPS, 5);
            Path file = dir.resolve("talking-" + seconds + "s-" + width + "x" + height + ".mp4");
            long t0 = System.nanoTime();
            clip.write(spec, file);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", file, (System.nanoTime() - t0) / 1e9);

            ClipReport plain = evaluator.evaluate(file, EvaluationOptions.defaults());
            System.out.printf(Locale.ROOT, "mesh only:%n%s", plain.summary());

            EvaluationOptions options = EvaluationOptions.builder()
                    .emotion(EmotionRange.of(Emotion.NEUTRAL, 1.4, 2.0))
                    .emotion(EmotionRange.of(Emotion.SURPRISE, 0.4, 1.4))
                    .build();
            ClipReport full = evaluator.evaluate(file, options);
            System.out.printf(Locale.ROOT, "with blendshapes:%n%s", full.summary());
            Files.writeString(dir.resolve("report.json"), full.toJson());
            ContactSheet.of(2, 256, 256).write(file, ContactSheet.emotionCells(full, options),
                    dir.resolve("emotions.png"));
            System.out.printf(Locale.ROOT, "wrote %s and %s%n", dir.resolve("report.json"),
                    dir.resolve("emotions.png"));
        }
    }

    private static void evaluateExisting(Path mp4, Path dir) throws Exception {
        Files.createDirectories(dir);
        try (TestServices services = new TestServices();
             ClipEvaluator evaluator = new ClipEvaluator(services)) {
            ClipReport r = evaluator.evaluate(mp4, EvaluationOptions.builder().blendshapes(true).build());
            System.out.print(r.summary());
            Files.writeString(dir.resolve("report.json"), r.toJson());
            List<ContactSheet.Cell> cells = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                FrameSample f = r.frames().get(k * (r.frameCount() - 1) / 7);
                cells.add(ContactSheet.Cell.face(f, String.format(Locale.ROOT, "#%d %.1f s", f.index(), f.time())));
            }
            ContactSheet.of(4, 240, 240).write(mp4, cells, dir.resolve("frames.png"));
            System.out.printf(Locale.ROOT, "wrote %s and %s%n", dir.resolve("report.json"),
                    dir.resolve("frames.png"));
        }
    }
}
