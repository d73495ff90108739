package ai.gaga.direction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyser's UTF-8 data files in this package (lexicons, example lines, the French gloss): one entry per line,
 * with blank lines and {@code #} comments skipped. A missing file is a broken build, not bad input.
 */
final class DataFile {
    private DataFile() {
    }

    /**
     * One entry.
     *
     * @param where the file and line number, for error messages
     * @param line  the line as written
     */
    record Entry(String where, String line) {
        /** The line without surrounding white space. */
        String text() {
            return line.strip();
        }

        /**
         * The entry's two tab-separated fields, stripped (the second may be empty); fails naming the line and the
         * {@code expected} form.
         */
        String[] pair(String expected) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException(where + ": expected '" + expected + "', got " + line);
            }
            return new String[] {line.substring(0, tab).strip(), line.substring(tab + 1).strip()};
        }
    }

    /** The entries of the resource {@code name} next to this class, in file order. */
    static List<Entry> read(String name) {
        try (InputStream in = DataFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource ai/gaga/direction/" + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Entry> out = new ArrayList<>();
            String raw;
            int n = 0;
            while ((raw = reader.readLine()) != null) {
                n++;
                String text = raw.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    out.add(new Entry(name + ":" + n, raw));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
