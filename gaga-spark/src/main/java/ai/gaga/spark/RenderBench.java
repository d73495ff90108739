package ai.gaga.spark;

import ai.gaga.Gaga;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark tables for the Spark path (not a test): throughput of the same jobs with {@code local[1]} and
 * {@code local[2]}, the per-job overhead of the Spark path against a plain loop over {@link Gaga#render} in one JVM,
 * an extrapolation to a cluster, and the resident memory of one executor JVM over many jobs. Run it with
 * {@code gaga-spark/run bench [--jobs 8] [--memory-jobs 20] [--resolution 1920x1080] [--models DIR]}.
 */
public final class RenderBench {
    /** Lines of about two to three seconds each, spoken by one actor. */
    private static final List<String> LINES = List.of(
            "Good morning, and welcome to the new season.",
            "Thank you for being with us again this year.",
            "Here is what changed since we last spoke.",
            "Your order is on its way and arrives on Friday.",
            "Let me show you three things you will love.",
            "That is all for today. See you next week.");
    private static final String[] PHOTOS = {"grace_hopper_512x512.jpg", "astronaut.png"};

    private RenderBench() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = 8;
        int memoryJobs = 20;
        String resolution = "1920x1080";
        String models = System.getenv("GAGA_MODEL_DIR");
        boolean scaling = true;
        boolean memory = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--memory-jobs" -> memoryJobs = Integer.parseInt(args[++i]);
                case "--resolution" -> resolution = args[++i];
                case "--models" -> models = args[++i];
                case "--no-scaling" -> scaling = false;
                case "--no-memory" -> memory = false;
                default -> {
                    System.err.println("Usage: RenderBench [--jobs N] [--memory-jobs N] [--resolution WxH]"
                            + " [--models DIR] [--no-scaling] [--no-memory]");
                    System.exit(2);
                }
            }
        }
        Path photos = photos();
        Path work = Files.createTempDirectory("gaga-spark-bench");
        RenderJobOptions options = RenderJobOptions.builder().modelDir(models).offline(models != null)
                .skipExisting(false).subtitles(false).build();
        System.out.printf(Locale.ROOT, "GAGA Spark benchmark: %d CPU(s), load average %s, clips %s, one actor, one"
                + " line each (%s)%n", Runtime.getRuntime().availableProcessors(), loadAverage(), resolution, work);

        // warm-up: this JVM's engine (models, voices, JIT) once, as any long-running executor has it
        runSpark("local[1]", jobs(photos, work.resolve("warm"), 1, resolution, "w"), options);
        if (scaling) {
            scaling(photos, work, jobs, resolution, options, models);
        }
        if (memory) {
            memory(photos, work, memoryJobs, resolution, options);
        }
        ExecutorEngines.closeAll();
    }

    private static void scaling(Path photos, Path work, int n, String resolution, RenderJobOptions options,
                                String models) throws IOException {
        List<Object[]> jobRows = jobs(photos, work.resolve("plain"), n, resolution, "b");
        double clip = 0;
        long t0;
        // a plain loop in one JVM: one engine with one thread, as each local[1] task gets
        Gaga.Builder b = Gaga.builder().threads(1);
        if (models != null) {
            b.modelDir(Path.of(models)).offline(true);
        }
        double plain;
        try (Gaga gaga = b.build()) {
            gaga.render(scene(jobRows.get(0), photos, resolution), work.resolve("plain-warm.mp4"));
            t0 = System.nanoTime();
            for (Object[] job : jobRows) {
                Path out = work.resolve("plain").resolve(job[0] + ".mp4");
                Files.createDirectories(out.getParent());
                clip += gaga.render(scene(job, photos, resolution), out).duration().toMillis() / 1000.0;
            }
            plain = (System.nanoTime() - t0) / 1e9;
        }
        double one = runSpark("local[1]", jobs(photos, work.resolve("l1"), n, resolution, "b"), options);
        double two = runSpark("local[2]", jobs(photos, work.resolve("l2"), n, resolution, "b"), options);

        System.out.printf(Locale.ROOT, "%nThroughput, %d jobs (%.1f s of clips in all)%n", n, clip);
        String row = "%-34s  %7s  %8s  %9s  %10s%n";
        System.out.printf(row, "path", "wall s", "s / job", "jobs / h", "clip s / s");
        for (Object[] r : new Object[][]{{"plain loop over Gaga.render, 1 thr", plain},
            {"Spark local[1]", one}, {"Spark local[2]", two}}) {
            double s = (double) r[1];
            System.out.printf(Locale.ROOT, row, r[0], String.format(Locale.ROOT, "%.1f", s),
                    String.format(Locale.ROOT, "%.2f", s / n), String.format(Locale.ROOT, "%.0f", n * 3600 / s),
                    String.format(Locale.ROOT, "%.3f", clip / s));
        }
        double perCoreHour = n * 3600 / two / Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Spark overhead per job vs the plain loop: %+.2f s (local[1] - plain) / %d;"
                + " local[2] speed-up over local[1]: %.2fx%n", (one - plain) / n, n, one / two);
        System.out.printf(Locale.ROOT, "Extrapolation, 16 executors x 4 cores (spark.task.cpus=1, 64 tasks at once),"
                + " linear in cores from local[2] here: %.0f jobs/h (%.0f min of such clips per hour)%n",
                perCoreHour * 64, perCoreHour * 64 * clip / n / 60);
    }

    private static void memory(Path photos, Path work, int n, String resolution, RenderJobOptions options) {
        List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        SparkSession spark = SparkSession.builder().master("local[1]").appName("gaga-bench-memory").getOrCreate();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if ("ResultTask".equals(end.taskType())) {
                    samples.add(new long[]{end.stageId(), rssKb()});
                }
            }
        });
        long before = rssKb();
        List<Object[]> rows = jobs(photos, work.resolve("memory"), n, resolution, "m");
        long t0 = System.nanoTime();
        GagaSpark.render(spark.createDataFrame(toRows(rows), GagaSpark.JOB_SCHEMA), options).collectAsList();
        double wall = (System.nanoTime() - t0) / 1e9;
        spark.stop();
        // only the render stage's tasks (one per job), not those of the driver's counting jobs before it
        long renderStage = samples.stream().mapToLong(x -> x[0]).max().orElse(-1);
        samples.removeIf(x -> x[0] != renderStage);
        System.out.printf(Locale.ROOT, "%nMemory: one executor JVM (local[1]) rendering %d jobs in %.0f s; RSS before"
                + " %.0f MB%n", n, wall, before / 1024.0);
        System.out.println("job  RSS MB");
        long first = -1;
        long max = 0;
        long min = Long.MAX_VALUE;
        for (int i = 0; i < samples.size(); i++) {
            long kb = samples.get(i)[1];
            System.out.printf(Locale.ROOT, "%3d  %6.0f%n", i + 1, kb / 1024.0);
            if (i == 0) {
                first = kb;
            } else {
                max = Math.max(max, kb);
                min = Math.min(min, kb);
            }
        }
        System.out.printf(Locale.ROOT, "after the first job: %.0f MB; jobs 2..%d between %.0f and %.0f MB (largest"
                + " rise over the first: %+.0f MB)%n", first / 1024.0, samples.size(), min / 1024.0, max / 1024.0,
                (max - first) / 1024.0);
    }

    private static double runSpark(String master, List<Object[]> rows, RenderJobOptions options) {
        SparkSession spark = SparkSession.builder().master(master).appName("gaga-bench").getOrCreate();
        try {
            Dataset<Row> table = spark.createDataFrame(toRows(rows), GagaSpark.JOB_SCHEMA);
            long t0 = System.nanoTime();
            List<Row> results = GagaSpark.render(table, options).collectAsList();
            double s = (System.nanoTime() - t0) / 1e9;
            for (Row r : results) {
                if (!JobResult.DONE.equals(r.getAs("status"))) {
                    throw new IllegalStateException("benchmark job failed: " + r);
                }
            }
            return s;
        } finally {
            spark.stop();
        }
    }

    private static List<Row> toRows(List<Object[]> rows) {
        return rows.stream().map(RowFactory::create).toList();
    }

    /** Rows of the job table: id, script, actors, options, output. */
    private static List<Object[]> jobs(Path photos, Path out, int n, String resolution, String prefix) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[]{String.format(Locale.ROOT, "%s%02d", prefix, i + 1), LINES.get(i % LINES.size()),
                Map.of("me", photos.resolve(PHOTOS[i % PHOTOS.length]).toString()),
                Map.of("resolution", resolution, "seed", String.valueOf(i + 1)), out.toString()});
        }
        return rows;
    }

    /** The scene the Spark job builds for the same row. */
    @SuppressWarnings("unchecked")
    private static Scene scene(Object[] job, Path photos, String resolution) {
        Map<String, String> actors = (Map<String, String>) job[2];
        Map<String, String> opts = (Map<String, String>) job[3];
        return Scene.parse((String) job[1], Map.of("me", Path.of(actors.get("me")))).toBuilder()
                .resolution(Resolution.parse(resolution)).seed(Long.parseLong(opts.get("seed"))).build();
    }

    private static Path photos() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/fixtures/photos");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find shared/fixtures/photos above " + Path.of("").toAbsolutePath());
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
