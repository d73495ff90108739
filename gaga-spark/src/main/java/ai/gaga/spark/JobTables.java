package ai.gaga.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a jobs file (JSON Lines or CSV, by extension; through Hadoop's FileSystem) on the driver, with errors that
 * name the file and line. Relative photo and script paths are taken from the jobs file's folder; a relative or missing
 * {@code output} from the run's output folder.
 *
 * <p>JSON Lines: one object per line, {@code {"id": "a", "script": "Hello.", "actors": {"me": "me.jpg"},
 * "options": {"seed": 7}, "output": "clips"}}. CSV: a header naming the columns, cells quoted with {@code "} where they
 * hold commas, quotes or line breaks; {@code actors} and {@code options} as {@code NAME=value;NAME=value} or a JSON
 * object.
 */
public final class JobTables {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COLUMNS = Set.of("id", "script", "actors", "options", "output");

    private JobTables() {
    }

    /** The jobs of a file as a Dataset with {@link GagaSpark#JOB_SCHEMA}. */
    public static Dataset<Row> read(SparkSession spark, String jobsUri, String outputUri) {
        List<Row> rows = new ArrayList<>();
        for (JobSpec j : parse(spark.sparkContext().hadoopConfiguration(), jobsUri, outputUri)) {
            rows.add(RowFactory.create(j.id(), j.script(), j.actors(), j.options(), j.output()));
        }
        return spark.createDataFrame(rows, GagaSpark.JOB_SCHEMA);
    }

    /**
     * Parses a jobs file.
     *
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    static List<JobSpec> parse(Configuration hadoop, String jobsUri, String outputUri) {
        Path file = new Path(jobsUri);
        String text;
        try {
            FileSystem fs = file.getFileSystem(hadoop);
            file = fs.makeQualified(file);
            try (FSDataInputStream in = fs.open(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("Jobs file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the jobs file " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String name = file.getName().toLowerCase(Locale.ROOT);
        List<Map<String, String>> raw;
        List<Integer> lines = new ArrayList<>();
        if (name.endsWith(".csv")) {
            raw = csv(text, file.toString(), lines);
        } else if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            raw = jsonLines(text, file.toString(), lines);
        } else {
            throw new IllegalArgumentException("Jobs file " + file + ": use JSON Lines (.jsonl) or CSV (.csv)");
        }
        Path base = file.getParent();
        Path out = new Path(outputUri);
        List<JobSpec> jobs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, String> r = raw.get(i);
            String where = file + " line " + lines.get(i);
            String id = r.get("id");
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException(where + ": the job has no 'id'");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException(where + ": id '" + id + "' is used twice (ids name the outputs)");
            }
            Map<String, String> actors = new LinkedHashMap<>();
            keyValues(r.getOrDefault("actors", ""), where + ", column 'actors'")
                    .forEach((k, v) -> actors.put(k, resolve(base, v)));
            Map<String, String> options = keyValues(r.getOrDefault("options", ""), where + ", column 'options'");
            String script = r.get("script");
            if (script != null && !script.contains("\n") && script.strip().matches("(?i).*\\.(fountain|txt|script|spmd)")) {
                script = resolve(base, script.strip());
            }
            String output = r.get("output");
            output = output == null || output.isBlank() ? out.toString() : resolve(out, output);
            jobs.add(new JobSpec(id, script, actors, options, output));
        }
        return jobs;
    }

    /** A relative path against a folder; URIs with a scheme and absolute paths unchanged. */
    private static String resolve(Path base, String path) {
        String p = path.strip();
        if (p.isEmpty() || p.startsWith("/") || p.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return p;
        }
        return new Path(base, p).toString();
    }

    /** {@code NAME=value;NAME=value} or a JSON object, as a map. */
    static Map<String, String> keyValues(String cell, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        String c = cell == null ? "" : cell.strip();
        if (c.isEmpty()) {
            return out;
        }
        if (c.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(c);
                node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual()
                        ? e.getValue().asText() : e.getValue().toString()));
                return out;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not a JSON object: " + e.getOriginalMessage());
            }
        }
        for (String part : c.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + ": expected NAME=value, got '" + part.strip() + "'");
            }
            out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return out;
    }

    private static List<Map<String, String>> jsonLines(String text, String file, List<Integer> lineNumbers) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException(where + ": expected a JSON object per line");
            }
            Map<String, String> row = new LinkedHashMap<>();
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                String key = f.getKey().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(key)) {
                    throw new IllegalArgumentException(where + ": unknown column '" + f.getKey() + "'; known: "
                            + "id, script, actors, options, output");
                }
                JsonNode v = f.getValue();
                if ((key.equals("actors") || key.equals("options")) && !v.isObject() && !v.isNull()) {
                    throw new IllegalArgumentException(where + ": '" + f.getKey() + "' must be an object of name to"
                            + (key.equals("actors") ? " photo" : " value"));
                }
                row.put(key, v.isNull() ? null : v.isTextual() ? v.asText() : v.toString());
            }
            rows.add(row);
            lineNumbers.add(i + 1);
        }
        return rows;
    }

    /** RFC 4180 CSV with a header row. */
    private static List<Map<String, String>> csv(String text, String file, List<Integer> lineNumbers) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    record.add(cell.toString());
                    records.add(record);
                    starts.add(recordLine);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                any = false;
                line++;
                recordLine = line;
            } else {
                cell.append(ch);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(file + " line " + recordLine + ": a quoted cell is never closed");
        }
        if (any || cell.length() > 0) {
            record.add(cell.toString());
            records.add(record);
            starts.add(recordLine);
        }
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String h : header) {
            if (!COLUMNS.contains(h)) {
                throw new IllegalArgumentException(file + " line 1: unknown column '" + h + "'; known: id, script,"
                        + " actors, options, output");
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + starts.get(r) + ": " + cells.size()
                        + " cells, the header has " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
            lineNumbers.add(starts.get(r));
        }
        return rows;
    }
}
