package ai.gaga.spark;

import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders a table of scenes on Apache Spark: each row a job, each job its own task, one GAGA engine per executor
 * JVM shared by that JVM's tasks.
 *
 * <p>Job columns: {@code id} (string, unique: it names the output files), {@code script} (the script text, or the URI
 * of a UTF-8 script file), {@code actors} (map of character name to photo URI; {@code photo.jpg#2} picks the second
 * face from the left), optional {@code options} (map: {@code resolution}, {@code fps}, {@code seed}, {@code voice},
 * {@code loudness}, {@code maxDuration}, {@code emotion}, {@code delivery}, {@code allowNoFace}) and {@code output}
 * (folder URI). URIs go through Hadoop's FileSystem API, so {@code file://}, {@code hdfs://} and {@code s3a://} work
 * alike. Each job writes {@code OUTPUT/ID.mp4} with {@code ID.srt}, {@code ID.vtt}, {@code ID.plan.json} and
 * {@code ID.plan.sha256} beside it, under temporary names renamed into place.
 *
 * <p>Result columns ({@link JobResult#SCHEMA}): {@code id}, {@code status} ({@code done}, {@code failed},
 * {@code skipped}), {@code output}, {@code durationSeconds}, {@code renderSeconds}, {@code error}, {@code warnings}.
 * A bad photo, a script error or a too-long scene fails its row, not the job. The result is computed again by every
 * action on it (finished clips are then skipped): cache it, or collect it once.
 *
 * <pre>{@code
 * Dataset<Row> results = GagaSpark.render(jobs, RenderJobOptions.DEFAULT).cache();
 * results.filter("status = 'failed'").show(false);
 * }</pre>
 */
public final class GagaSpark {
    /** The jobs table as {@link RenderJob} reads it from JSON Lines or CSV. */
    public static final StructType JOB_SCHEMA = new StructType(new StructField[]{
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("script", DataTypes.StringType, false),
        DataTypes.createStructField("actors", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
                false),
        DataTypes.createStructField("options", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
                true),
        DataTypes.createStructField("output", DataTypes.StringType, true),
    });
    private static final List<String> REQUIRED = List.of("id", "script", "actors");
    /** Stack of the thread each job renders on (address space; only what is used is committed). */
    static final long JOB_STACK_BYTES = 256L << 20;

    private GagaSpark() {
    }

    /**
     * Renders every row of {@code jobs} (lazily: the work happens when the result is collected or written).
     *
     * @throws IllegalArgumentException when a required column is missing or two jobs share an id
     */
    public static Dataset<Row> render(Dataset<Row> jobs, RenderJobOptions options) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(options, "options");
        List<String> columns = Arrays.stream(jobs.columns()).map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<String> missing = new ArrayList<>(REQUIRED.stream().filter(c -> !columns.contains(c)).toList());
        if (!columns.contains("output") && options.defaultOutput() == null) {
            missing.add("output");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The jobs table lacks column(s) " + missing + "; it has "
                    + Arrays.asList(jobs.columns()) + " (needed: id, script, actors, output; optional: options)");
        }
        List<Row> duplicates = jobs.groupBy("id").count().filter("count > 1").limit(5).collectAsList();
        if (!duplicates.isEmpty()) {
            throw new IllegalArgumentException("Job ids must be unique (they name the output files); repeated: "
                    + duplicates.stream().map(r -> "'" + r.get(0) + "' x" + r.get(1)).toList());
        }
        SparkSession spark = jobs.sparkSession();
        long count = jobs.count();
        if (count == 0) {
            return spark.createDataFrame(List.of(), JobResult.SCHEMA);
        }
        // one job per task: renders take seconds to minutes, so the scheduler should balance single jobs
        int partitions = (int) Math.min(count, 100_000);
        Broadcast<HadoopConf> hadoop = spark.sparkContext().broadcast(
                new HadoopConf(spark.sparkContext().hadoopConfiguration()),
                scala.reflect.ClassTag$.MODULE$.apply(HadoopConf.class));
        JavaRDD<Row> spread = jobs.javaRDD().zipWithIndex()
                .mapToPair(t -> new Tuple2<>(t._2(), t._1()))
                .partitionBy(new JobPartitioner(partitions))
                .values();
        JavaRDD<Row> results = spread.mapPartitions(new RenderPartition(options, hadoop));
        return spark.createDataFrame(results, JobResult.SCHEMA);
    }

    /** Job number {@code i} goes to task {@code i mod n}. */
    static final class JobPartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;

        JobPartitioner(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (int) (((Long) key) % partitions);
        }
    }

    /** The work of one task: each job of the partition rendered with this JVM's engine. */
    static final class RenderPartition implements FlatMapFunction<Iterator<Row>, Row> {
        private static final long serialVersionUID = 1L;
        private final RenderJobOptions options;
        private final Broadcast<HadoopConf> hadoop;

        RenderPartition(RenderJobOptions options, Broadcast<HadoopConf> hadoop) {
            this.options = options;
            this.hadoop = hadoop;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            TaskContext task = TaskContext.get();
            int threads = options.engineThreads() > 0 ? options.engineThreads()
                    : task != null ? Math.max(1, task.cpus()) : Runtime.getRuntime().availableProcessors();
            JobRenderer renderer = new JobRenderer(options, hadoop.value().get(), threads);
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row row = rows.next();
                JobSpec job;
                try {
                    job = JobSpec.of(row);
                } catch (RuntimeException e) {
                    out.add(JobResult.failed(idOf(row), "unreadable job row: " + e.getMessage(), 0).toRow());
                    continue;
                }
                out.add(onLargeStack(renderer, job).toRow());
            }
            return out.iterator();
        }

        /**
         * Renders on a thread of its own with a large stack: ONNX Runtime recurses deeply when it creates its
         * environment (measured: 11,900 native frames in OrtEnvironment.createHandle), which overflows the 1 MB stack
         * of Spark's task threads and kills the executor JVM without a trace. Killing the task interrupts the render,
         * which then stops and leaves no file.
         */
        static JobResult onLargeStack(JobRenderer renderer, JobSpec job) {
            JobResult[] result = new JobResult[1];
            Throwable[] failure = new Throwable[1];
            Thread worker = new Thread(null, () -> {
                try {
                    result[0] = renderer.render(job);
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, "gaga-job-" + job.id(), JOB_STACK_BYTES);
            worker.setDaemon(true);
            worker.start();
            try {
                worker.join();
            } catch (InterruptedException e) {
                worker.interrupt();
                try {
                    worker.join(60_000);
                } catch (InterruptedException again) {
                    // give up waiting; the render is cancelled and cleans up after itself
                }
                Thread.currentThread().interrupt();
                throw new ai.gaga.RenderCancelledException("Job " + job.id() + " was cancelled with its task");
            }
            if (failure[0] instanceof RuntimeException r) {
                throw r;
            }
            if (failure[0] instanceof Error err) {
                throw err;
            }
            if (failure[0] != null) {
                throw new IllegalStateException(failure[0]);
            }
            return result[0];
        }

        private static String idOf(Row row) {
            try {
                return String.valueOf(row.<Object>getAs("id"));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
