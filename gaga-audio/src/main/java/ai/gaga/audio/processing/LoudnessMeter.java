package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures EBU R128 loudness in process with FFmpeg's {@code ebur128} filter (integrated loudness, loudness range and
 * true peak with 4x oversampling). The filter reports through frame metadata, which JavaCV does not expose, so an
 * {@code ametadata} filter prints it to a temporary file that is read back and deleted.
 */
public final class LoudnessMeter {
    private LoudnessMeter() {
    }

    /**
     * One measurement.
     *
     * @param integrated integrated loudness in LUFS ({@code -70} or lower for silence)
     * @param range      loudness range in LU
     * @param truePeak   true peak in dBTP ({@code -inf} for silence)
     */
    public record Loudness(double integrated, double range, double truePeak) {
    }

    /** Measures mono or stereo PCM. */
    public static Loudness measure(PcmAudio audio) {
        int ch = audio.channels();
        if (ch < 1 || ch > 2) {
            throw new IllegalArgumentException("Loudness of mono or stereo audio only, got " + ch + " channels");
        }
        Path report;
        try {
            report = Files.createTempFile("gaga-ebur128-", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the loudness report", e);
        }
        String graph = "ebur128=peak=true:metadata=1,ametadata=mode=print:file=" + filterPath(report);
        try {
            AudioFilterGraph.run(audio, graph, false, "Loudness measurement");
            return parse(Files.readAllLines(report, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the loudness report " + report, e);
        } finally {
            try {
                Files.deleteIfExists(report);
            } catch (IOException e) {
                report.toFile().deleteOnExit();
            }
        }
    }

    /** The last integrated loudness and range reported, and the largest true peak (linear in the metadata). */
    static Loudness parse(List<String> lines) {
        double integrated = -120;
        double range = 0;
        double peak = 0;
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            double value;
            try {
                value = Double.parseDouble(line.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            switch (key) {
                case "lavfi.r128.I" -> integrated = value;
                case "lavfi.r128.LRA" -> range = value;
                case "lavfi.r128.true_peak" -> peak = Math.max(peak, value);
                default -> {
                }
            }
        }
        return new Loudness(integrated, range, peak > 0 ? 20 * Math.log10(peak) : Double.NEGATIVE_INFINITY);
    }

    /** A path as one value of a filter option: backslash-escapes the characters the filter-graph parser splits on. */
    static String filterPath(Path path) {
        String s = path.toAbsolutePath().toString();
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == ':' || c == '\'' || c == ',' || c == ';' || c == '[' || c == ']' || c == '=') {
                // two levels: option value inside a filter inside a graph
                out.append("\\\\\\");
            }
            out.append(c);
        }
        return out.toString();
    }
}
