package ai.gaga.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the results table.
 *
 * @param id              the job's id
 * @param status          {@link #DONE}, {@link #FAILED} or {@link #SKIPPED}
 * @param output          URI of the MP4 (null when failed)
 * @param durationSeconds length of the clip (null when failed before planning)
 * @param renderSeconds   wall time spent on the job in its task (fetching, planning, rendering, uploading)
 * @param error           the user-facing message of a failed job, else null
 * @param warnings        warnings about the job's inputs, in the user's words
 */
public record JobResult(String id, String status, String output, Double durationSeconds, double renderSeconds,
                        String error, List<String> warnings) implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    /** Schema of {@link GagaSpark#render}'s result. */
    public static final StructType SCHEMA = new StructType(new StructField[]{
        DataTypes.createStructField("id", DataTypes.StringType, true),
        DataTypes.createStructField("status", DataTypes.StringType, false),
        DataTypes.createStructField("output", DataTypes.StringType, true),
        DataTypes.createStructField("durationSeconds", DataTypes.DoubleType, true),
        DataTypes.createStructField("renderSeconds", DataTypes.DoubleType, false),
        DataTypes.createStructField("error", DataTypes.StringType, true),
        DataTypes.createStructField("warnings", DataTypes.createArrayType(DataTypes.StringType, false), false),
    });

    public JobResult {
        warnings = List.copyOf(warnings);
    }

    static JobResult failed(String id, String error, double seconds) {
        return new JobResult(id, FAILED, null, null, seconds, error, List.of());
    }

    Row toRow() {
        return RowFactory.create(id, status, output, durationSeconds, renderSeconds, error,
                warnings.toArray(new String[0]));
    }

    /** Reads a row of the results table. */
    public static JobResult of(Row row) {
        List<String> w = new ArrayList<>(row.<String>getList(row.fieldIndex("warnings")));
        int d = row.fieldIndex("durationSeconds");
        return new JobResult(row.getAs("id"), row.getAs("status"), row.getAs("output"),
                row.isNullAt(d) ? null : row.getDouble(d), row.<Double>getAs("renderSeconds"), row.getAs("error"), w);
    }
}
