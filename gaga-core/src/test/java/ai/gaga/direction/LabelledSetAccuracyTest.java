package ai.gaga.direction;

import ai.gaga.scene.Emotion;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dominant-emotion accuracy on the hand-labelled set {@code emotions/labelled.tsv} (English, French, Chinese), with the
 * language found as in a real render: the detector, falling back to the voice's language (here the
 * labelled one) when it names a language without a lexicon. Logs a confusion table per language and every miss.
 */
class LabelledSetAccuracyTest {
    private static final Logger LOG = LoggerFactory.getLogger(LabelledSetAccuracyTest.class);
    private static final double TARGET = 0.85;

    record Example(String language, Emotion emotion, String text, String context) {
    }

    static List<Example> examples() throws IOException {
        return examples("/emotions/labelled.tsv");
    }

    static List<Example> examples(String resource) throws IOException {
        List<Example> out = new ArrayList<>();
        try (InputStream in = LabelledSetAccuracyTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Example(f[0], Emotion.valueOf(f[1].toUpperCase(Locale.ROOT)), f[2],
                        f.length > 3 ? f[3] : ""));
            }
        }
        return out;
    }

    @Test
    void dominantEmotionIsRightForAtLeast85PercentOfEachLanguage() throws IOException {
        EmotionAnalyzer analyzer = new EmotionAnalyzer();
        ScriptDirector director = new ScriptDirector();
        Map<String, Map<Emotion, Map<Emotion, Integer>>> confusion = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Example ex : examples()) {
            SceneContext context = ex.context().isEmpty() ? SceneContext.NONE
                    : SceneContext.of(ex.context().split(" / "));
            String language = director.language(ex.text(), ex.language());
            if (!language.equals(ex.language())) {
                LOG.info("language {} detected as {}: {}", ex.language(), language, ex.text());
            }
            Emotion got = analyzer.analyze(ex.text(), language, context).emotion();
            confusion.computeIfAbsent(ex.language(), k -> new EnumMap<>(Emotion.class))
                    .computeIfAbsent(ex.emotion(), k -> new EnumMap<>(Emotion.class)).merge(got, 1, Integer::sum);
            int[] c = counts.computeIfAbsent(ex.language(), k -> new int[2]);
            c[1]++;
            if (got == ex.emotion()) {
                c[0]++;
            } else {
                LOG.info("miss [{}] want {} got {}: {} {}", ex.language(), ex.emotion(), got, ex.text(),
                        analyzer.analyze(ex.text(), language, context).scores());
            }
        }
        List<String> failures = new ArrayList<>();
        for (var e : counts.entrySet()) {
            double accuracy = e.getValue()[0] / (double) e.getValue()[1];
            LOG.info(String.format(Locale.ROOT, "%s: %d/%d = %.1f%%%n%s", e.getKey(), e.getValue()[0],
                    e.getValue()[1], 100 * accuracy, table(confusion.get(e.getKey()))));
            if (accuracy < TARGET) {
                failures.add(String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100 * accuracy));
            }
        }
        assertTrue(counts.keySet().containsAll(List.of("en", "fr", "zh")), "labelled set covers en, fr, zh");
        counts.values().forEach(c -> assertTrue(c[1] >= 60, "at least 60 labelled lines per language"));
        assertTrue(failures.isEmpty(), "below " + TARGET + " accuracy: " + failures);
    }

    /**
     * Lines the lexicons were not tuned on, logged as an estimate, not asserted: {@code heldout.tsv} was looked at
     * once (after which the lexicons were broadened), {@code heldout2.tsv} once (after which the semantic examples were
     * written), {@code heldout3.tsv} never.
     */
    @Test
    void logsAccuracyOnTheHeldOutSets() throws IOException {
        heldOut("/emotions/heldout.tsv");
        heldOut("/emotions/heldout2.tsv");
        heldOut("/emotions/heldout3.tsv");
    }

    private static void heldOut(String resource) throws IOException {
        heldOut(resource, new EmotionAnalyzer(), "");
        heldOut(resource, EmotionAnalyzer.lexiconOnly(), " (lexicon only)");
    }

    private static void heldOut(String resource, EmotionAnalyzer analyzer, String label) throws IOException {
        ScriptDirector director = new ScriptDirector();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Example ex : examples(resource)) {
            Emotion got = analyzer.analyze(ex.text(), director.language(ex.text(), ex.language())).emotion();
            int[] c = counts.computeIfAbsent(ex.language(), k -> new int[2]);
            c[1]++;
            if (got == ex.emotion()) {
                c[0]++;
            } else {
                LOG.info("{}{} miss [{}] want {} got {}: {}", resource, label, ex.language(), ex.emotion(), got,
                        ex.text());
            }
        }
        counts.forEach((lang, c) -> LOG.info(String.format(Locale.ROOT, "%s%s %s: %d/%d = %.1f%%", resource, label,
                lang, c[0], c[1], 100.0 * c[0] / c[1])));
        assertEquals(3, counts.size(), "held-out set covers en, fr, zh");
    }

    /** Rows: the label; columns: what the analyser said. */
    static String table(Map<Emotion, Map<Emotion, Integer>> m) {
        StringBuilder sb = new StringBuilder(String.format("%-11s", "want\\got"));
        for (Emotion e : Emotion.values()) {
            sb.append(String.format("%5.4s", e.name()));
        }
        sb.append('\n');
        for (Emotion want : Emotion.values()) {
            Map<Emotion, Integer> row = m.getOrDefault(want, Map.of());
            sb.append(String.format("%-11s", want.name()));
            for (Emotion got : Emotion.values()) {
                sb.append(String.format("%5d", row.getOrDefault(got, 0)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
