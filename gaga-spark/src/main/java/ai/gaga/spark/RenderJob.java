package ai.gaga.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The batch job: {@code RenderJob --jobs jobs.jsonl|jobs.csv --out DIR [--master local[2]]}. Renders every job of the
 * file with {@link GagaSpark#render}, writes {@code DIR/_results.jsonl} (one result per job, in the file's order) and
 * prints a summary table. Run it with {@code spark-submit --class ai.gaga.spark.RenderJob gaga-spark.jar …} on a
 * cluster, or with the {@code gaga-spark/run} launcher in an embedded local Spark.
 *
 * <p>Exit codes: 0 the job ran (failed rows are in the results), 2 bad command line, 3 bad jobs file (or a failed
 * row with {@code --strict}), 1 unexpected failure.
 */
public final class RenderJob {
    private static final String USAGE = """
            Usage: RenderJob --jobs FILE --out DIR [options]
              --jobs FILE        jobs as JSON Lines (.jsonl) or CSV (.csv): id, script, actors, options, output
              --out DIR          results folder (DIR/_results.jsonl) and default clip folder; any Hadoop URI
              --master URL       Spark master (default: the one spark-submit gives, else local[*])
              --models DIR       face models on every executor (default: their GAGA_MODEL_DIR)
              --offline          never download models
              --threads N        engine threads per task (default: spark.task.cpus)
              --encoder NAME     auto, libx264, libopenh264, h264_nvenc (default: auto)
              --preset NAME      fast, balanced, quality (default: fast)
              --scratch DIR      local staging folder on the executors (default: java.io.tmpdir)
              --no-subtitles     do not write ID.srt and ID.vtt
              --force            render again even where a clip with the same plan hash exists
              --strict           exit 3 when any job failed
            """;

    private RenderJob() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the job and returns the exit code (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String jobs = null;
        String dir = null;
        String master = null;
        boolean strict = false;
        RenderJobOptions.Builder options = RenderJobOptions.builder();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--jobs" -> jobs = value(args, ++i, a);
                    case "--out" -> dir = value(args, ++i, a);
                    case "--master" -> master = value(args, ++i, a);
                    case "--models" -> options.modelDir(value(args, ++i, a));
                    case "--offline" -> options.offline(true);
                    case "--threads" -> options.engineThreads(positive(value(args, ++i, a), a));
                    case "--encoder" -> options.encoder(value(args, ++i, a));
                    case "--preset" -> options.preset(value(args, ++i, a));
                    case "--scratch" -> options.scratchDir(value(args, ++i, a));
                    case "--no-subtitles" -> options.subtitles(false);
                    case "--force" -> options.skipExisting(false);
                    case "--strict" -> strict = true;
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (jobs == null || dir == null) {
                throw new IllegalArgumentException((jobs == null ? "--jobs" : "--out") + " is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }

        long t0 = System.nanoTime();
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession.Builder builder = SparkSession.builder().appName("gaga-render");
        if (master != null) {
            builder.master(master);
        } else if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            FileSystem fs = new Path(dir).getFileSystem(spark.sparkContext().hadoopConfiguration());
            Path outDir = fs.makeQualified(new Path(dir));
            Dataset<Row> table;
            try {
                table = JobTables.read(spark, jobs, outDir.toString());
            } catch (IllegalArgumentException e) {
                err.println("Error: " + e.getMessage());
                return 3;
            }
            List<JobResult> results = new ArrayList<>();
            for (Row r : GagaSpark.render(table, options.defaultOutput(outDir.toString()).build()).collectAsList()) {
                results.add(JobResult.of(r));
            }
            Path resultsFile = new Path(outDir, "_results.jsonl");
            writeResults(fs, outDir, resultsFile, results);
            printSummary(out, results, (System.nanoTime() - t0) / 1e9, resultsFile, master != null ? master
                    : spark.sparkContext().master());
            return strict && results.stream().anyMatch(r -> r.status().equals(JobResult.FAILED)) ? 3 : 0;
        } catch (IOException e) {
            err.println("Error: cannot write the results to " + dir + ": " + e.getMessage());
            return 4;
        } finally {
            if (ownSession) {
                spark.stop();
                ExecutorEngines.closeAll();
            }
        }
    }

    private static void writeResults(FileSystem fs, Path dir, Path file, List<JobResult> results)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder text = new StringBuilder();
        for (JobResult r : results) {
            ObjectNode n = json.createObjectNode();
            n.put("id", r.id());
            n.put("status", r.status());
            n.put("output", r.output());
            if (r.durationSeconds() == null) {
                n.putNull("durationSeconds");
            } else {
                n.put("durationSeconds", r.durationSeconds());
            }
            n.put("renderSeconds", Math.round(r.renderSeconds() * 1000) / 1000.0);
            n.put("error", r.error());
            r.warnings().forEach(n.putArray("warnings")::add);
            if (r.warnings().isEmpty()) {
                n.putArray("warnings");
            }
            text.append(json.writeValueAsString(n)).append('\n');
        }
        fs.mkdirs(dir);
        Path temp = new Path(dir, "._results.jsonl." + UUID.randomUUID() + ".gaga-tmp");
        try (FSDataOutputStream o = fs.create(temp, true)) {
            o.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (fs.exists(file)) {
            fs.delete(file, false);
        }
        if (!fs.rename(temp, file)) {
            fs.delete(temp, false);
            throw new IOException("cannot move " + temp + " to " + file);
        }
    }

    private static void printSummary(PrintStream out, List<JobResult> results, double wall, Path resultsFile,
                                     String master) {
        int idWidth = Math.max(2, results.stream().mapToInt(r -> String.valueOf(r.id()).length()).max().orElse(2));
        String row = "%-" + idWidth + "s  %-7s  %7s  %7s  %s%n";
        out.printf(Locale.ROOT, row, "id", "status", "clip s", "task s", "output / error");
        int done = 0;
        int skipped = 0;
        int failed = 0;
        for (JobResult r : results) {
            switch (r.status()) {
                case JobResult.DONE -> done++;
                case JobResult.SKIPPED -> skipped++;
                default -> failed++;
            }
            out.printf(Locale.ROOT, row, r.id(), r.status(),
                    r.durationSeconds() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.durationSeconds()),
                    String.format(Locale.ROOT, "%.1f", r.renderSeconds()),
                    r.error() != null ? r.error() : r.output());
        }
        out.printf(Locale.ROOT, "%d jobs: %d done, %d skipped, %d failed in %.1f s on %s; results in %s%n",
                results.size(), done, skipped, failed, wall, master, resultsFile);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String flag) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(flag + " must be a whole number of 1 or more, got '" + v + "'");
    }
}
