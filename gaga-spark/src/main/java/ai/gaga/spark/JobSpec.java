package ai.gaga.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the jobs table as plain values: {@code id}, {@code script} (text or a file URI), {@code actors} (name →
 * photo URI with an optional {@code #N} face pick), {@code options} and {@code output} (a folder URI).
 */
record JobSpec(String id, String script, Map<String, String> actors, Map<String, String> options, String output)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A photo URI's face pick: {@code group.jpg#2} is the second face from the left. */
    private static final Pattern FACE_PICK = Pattern.compile("^(.*)#(\\d+)$");
    /** Ids name files: keep them to what every file system accepts. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    JobSpec {
        actors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(actors));
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Reads a row by column name; actors and options may be maps or structs (as Spark's JSON reader gives them). */
    static JobSpec of(Row row) {
        StructType schema = row.schema();
        return new JobSpec(string(row, schema, "id"), string(row, schema, "script"), map(row, schema, "actors"),
                map(row, schema, "options"), string(row, schema, "output"));
    }

    /** The problem with this job's id, or null when it can name files. */
    String idProblem() {
        if (id == null || id.isBlank()) {
            return "the job has no id (column 'id' must name each job; it names the output file)";
        }
        if (!SAFE_ID.matcher(id).matches()) {
            return "id '" + id + "' cannot name a file: use letters, digits, '.', '_' or '-' (at most 128, not"
                    + " starting with '.', '_' or '-')";
        }
        return null;
    }

    /** The photo URI of an actor spec without its face pick. */
    static String photoUri(String spec) {
        Matcher m = FACE_PICK.matcher(spec.trim());
        return m.matches() ? m.group(1) : spec.trim();
    }

    /** The 1-based face number of an actor spec ({@code #N}), or 0 for the largest face. */
    static int facePick(String spec) {
        Matcher m = FACE_PICK.matcher(spec.trim());
        if (!m.matches()) {
            return 0;
        }
        int n = Integer.parseInt(m.group(2));
        if (n < 1) {
            throw new IllegalArgumentException("face pick '#" + m.group(2) + "' in '" + spec
                    + "' counts from 1 (the leftmost face is #1)");
        }
        return n;
    }

    private static String string(Row row, StructType schema, String column) {
        int i = index(schema, column);
        if (i < 0 || row.isNullAt(i)) {
            return null;
        }
        return String.valueOf(row.get(i));
    }

    private static Map<String, String> map(Row row, StructType schema, String column) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = index(schema, column);
        if (i < 0 || row.isNullAt(i)) {
            return out;
        }
        Object value = row.get(i);
        if (value instanceof Row struct) {
            StructType s = struct.schema();
            for (int f = 0; f < s.fields().length; f++) {
                if (!struct.isNullAt(f)) {
                    out.put(s.fields()[f].name(), String.valueOf(struct.get(f)));
                }
            }
        } else if (value instanceof scala.collection.Map<?, ?>) {
            row.getJavaMap(i).forEach((k, v) -> {
                if (k != null && v != null) {
                    out.put(String.valueOf(k), String.valueOf(v));
                }
            });
        } else {
            // a string cell (CSV): NAME=uri;NAME=uri
            out.putAll(JobTables.keyValues(String.valueOf(value), column));
        }
        return out;
    }

    private static int index(StructType schema, String column) {
        for (int f = 0; f < schema.fields().length; f++) {
            if (schema.fields()[f].name().toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return -1;
    }
}
