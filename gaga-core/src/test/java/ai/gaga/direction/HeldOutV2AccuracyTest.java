package ai.gaga.direction;

import ai.gaga.scene.Emotion;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dominant-emotion accuracy on lines nothing was tuned on ({@code emotions/heldout-v2.tsv}), with the dev set
 * ({@code emotions/dev.tsv}) that tuning may use measured beside it. Each language must stay above a floor just below
 * what the analyser reached when the floor was set, so a change that loses generalisation fails here. Logs per-language
 * accuracy, a confusion table and every miss.
 */
class HeldOutV2AccuracyTest {
    private static final Logger LOG = LoggerFactory.getLogger(HeldOutV2AccuracyTest.class);
    /**
     * Floors per language on the held-out set: one line (2.5 points) below the accuracy reached when they were set
     * (en 72.5%, fr 67.5%, zh 80%), so that a regression fails while a different CPU's last-digit rounding in the
     * embeddings, which may flip one borderline line, does not.
     */
    private static final Map<String, Double> FLOOR = Map.of("en", 0.70, "fr", 0.65, "zh", 0.775);

    @Test
    void heldOutAccuracyStaysAboveItsFloorInEachLanguage() throws IOException {
        Map<String, Double> accuracy = measure("/emotions/heldout-v2.tsv", new EmotionAnalyzer(), "");
        assertEquals(List.of("en", "fr", "zh"), List.copyOf(accuracy.keySet()), "held-out v2 covers en, fr, zh");
        for (var e : accuracy.entrySet()) {
            assertTrue(e.getValue() >= FLOOR.get(e.getKey()), String.format(Locale.ROOT,
                    "held-out v2 %s accuracy %.1f%% fell below its floor %.1f%%", e.getKey(), 100 * e.getValue(),
                    100 * FLOOR.get(e.getKey())));
        }
    }

    @Test
    void logsDevSetAccuracy() throws IOException {
        Map<String, Double> accuracy = measure("/emotions/dev.tsv", new EmotionAnalyzer(), "");
        assertEquals(3, accuracy.size(), "dev set covers en, fr, zh");
        measure("/emotions/dev.tsv", EmotionAnalyzer.lexiconOnly(), " (lexicon only)");
        measure("/emotions/heldout-v2.tsv", EmotionAnalyzer.lexiconOnly(), " (lexicon only)");
    }

    /** Accuracy per language (in file order), logged with its confusion table and misses. */
    static Map<String, Double> measure(String resource, EmotionAnalyzer analyzer, String label) throws IOException {
        ScriptDirector director = new ScriptDirector();
        Map<String, Map<Emotion, Map<Emotion, Integer>>> confusion = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (LabelledSetAccuracyTest.Example ex : LabelledSetAccuracyTest.examples(resource)) {
            String language = director.language(ex.text(), ex.language());
            EmotionReading reading = analyzer.analyze(ex.text(), language);
            confusion.computeIfAbsent(ex.language(), k -> new EnumMap<>(Emotion.class))
                    .computeIfAbsent(ex.emotion(), k -> new EnumMap<>(Emotion.class))
                    .merge(reading.emotion(), 1, Integer::sum);
            int[] c = counts.computeIfAbsent(ex.language(), k -> new int[2]);
            c[1]++;
            if (reading.emotion() == ex.emotion()) {
                c[0]++;
            } else if (resource.contains("dev") && label.isEmpty()) {
                // Misses are shown for the dev set only: the held-out lines are not to be tuned on.
                LOG.info("{} miss [{}] want {} got {}: {} {}", resource, ex.language(), ex.emotion(),
                        reading.emotion(), ex.text(), reading.scores());
            }
        }
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (var e : counts.entrySet()) {
            double a = e.getValue()[0] / (double) e.getValue()[1];
            accuracy.put(e.getKey(), a);
            LOG.info(String.format(Locale.ROOT, "%s%s %s: %d/%d = %.1f%%%n%s", resource, label, e.getKey(),
                    e.getValue()[0], e.getValue()[1], 100 * a, LabelledSetAccuracyTest.table(confusion.get(e.getKey()))));
        }
        return accuracy;
    }
}
