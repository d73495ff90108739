package ai.gaga.direction;

import ai.gaga.scene.Emotion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An English emotion reading by meaning rather than words: the line's sentence embedding is compared with a few
 * example lines per emotion ({@code semantic-en.txt}), each emotion scoring the mean cosine of its two closest
 * examples. Catches what no lexicon lists ("All his letters are still in the drawer"). One instance per JVM, made
 * on first use when the model jar is on the class path ({@link #shared()}); thread-safe.
 */
final class SemanticEmotions {
    private static final String EXAMPLES = "semantic-en.txt";
    private static final int NEAREST = 2;
    private static volatile SemanticEmotions shared;
    private static volatile boolean unavailable;

    private final SentenceEmbedder embedder;
    private final Map<Emotion, List<float[]>> examples = new EnumMap<>(Emotion.class);

    private SemanticEmotions(SentenceEmbedder embedder) {
        this.embedder = embedder;
        try (InputStream in = SemanticEmotions.class.getResourceAsStream(EXAMPLES)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource ai/gaga/direction/" + EXAMPLES);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                Emotion e = Emotion.valueOf(line.substring(0, tab).strip().toUpperCase(Locale.ROOT));
                examples.computeIfAbsent(e, k -> new ArrayList<>()).add(embedder.embed(line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + EXAMPLES, e);
        }
    }

    /** The JVM-wide instance, or null when the model is not on the class path or cannot run here. */
    static SemanticEmotions shared() {
        if (shared == null && !unavailable) {
            synchronized (SemanticEmotions.class) {
                if (shared == null && !unavailable) {
                    if (!SentenceEmbedder.available()) {
                        unavailable = true;
                    } else {
                        try {
                            long t0 = System.nanoTime();
                            shared = new SemanticEmotions(SentenceEmbedder.load());
                            org.slf4j.LoggerFactory.getLogger(SemanticEmotions.class).info(
                                    "English semantic emotion reading ready in {} ms",
                                    (System.nanoTime() - t0) / 1_000_000);
                        } catch (RuntimeException | UnsatisfiedLinkError e) {
                            unavailable = true;
                            org.slf4j.LoggerFactory.getLogger(SemanticEmotions.class).warn(
                                    "English semantic emotion reading off, lexicons only: {}", e.toString());
                        }
                    }
                }
            }
        }
        return shared;
    }

    /** Similarity of the line to each emotion's examples, neutral included (cosines, about 0..1). */
    Map<Emotion, Double> similarities(String text) {
        float[] v = embedder.embed(text);
        Map<Emotion, Double> out = new EnumMap<>(Emotion.class);
        for (Map.Entry<Emotion, List<float[]>> e : examples.entrySet()) {
            double[] best = new double[NEAREST];
            java.util.Arrays.fill(best, -1);
            for (float[] example : e.getValue()) {
                double cos = 0;
                for (int d = 0; d < v.length; d++) {
                    cos += v[d] * example[d];
                }
                for (int k = 0; k < NEAREST; k++) {
                    if (cos > best[k]) {
                        System.arraycopy(best, k, best, k + 1, NEAREST - k - 1);
                        best[k] = cos;
                        break;
                    }
                }
            }
            double sum = 0;
            for (double b : best) {
                sum += b;
            }
            out.put(e.getKey(), sum / NEAREST);
        }
        return out;
    }
}
