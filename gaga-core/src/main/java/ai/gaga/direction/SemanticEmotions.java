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
 * An emotion reading by meaning rather than words, for English (all-MiniLM-L6-v2) and Chinese (bge-small-zh-v1.5):
 * the line's sentence embedding is compared with example lines per emotion ({@code semantic-<lang>.txt}), each
 * emotion scoring the mean cosine of its closest examples. Catches what no lexicon lists ("All his letters are still
 * in the drawer"). One instance per language and JVM, made on first use when the model jar is on the class path
 * ({@link #shared(String)}); thread-safe.
 */
final class SemanticEmotions {
    private static final int NEAREST = 2;
    private static final Map<String, SentenceEmbedder.Spec> MODELS = Map.of(
            "en", SentenceEmbedder.ENGLISH, "zh", SentenceEmbedder.CHINESE);
    /** One loaded model per spec, shared by the languages that read with it. */
    private static final Map<SentenceEmbedder.Spec, SentenceEmbedder> EMBEDDERS = new java.util.HashMap<>();
    private static final Map<String, SemanticEmotions> SHARED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Set<String> UNAVAILABLE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** How far apart a model's cosines lie, relative to MiniLM's: bge's sit in a narrower band. */
    static final Map<String, Double> SPREAD = new java.util.concurrent.ConcurrentHashMap<>(Map.of("en", 1.0, "zh", 0.5));

    private final SentenceEmbedder embedder;
    private final String language;
    private final Map<Emotion, List<float[]>> examples = new EnumMap<>(Emotion.class);

    private SemanticEmotions(SentenceEmbedder embedder, String language) {
        this.embedder = embedder;
        this.language = language;
        String name = "semantic-" + language + ".txt";
        try (InputStream in = SemanticEmotions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource ai/gaga/direction/" + name);
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
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    /** The JVM-wide English instance, or null when the model is not on the class path or cannot run here. */
    static SemanticEmotions shared() {
        return shared("en");
    }

    /**
     * The JVM-wide instance for a language ({@code en}, {@code zh}), or null when there is no model for it, its jar is
     * not on the class path or it cannot run here.
     */
    static SemanticEmotions shared(String language) {
        SemanticEmotions model = SHARED.get(language);
        if (model != null || UNAVAILABLE.contains(language)) {
            return model;
        }
        synchronized (SemanticEmotions.class) {
            model = SHARED.get(language);
            if (model != null || UNAVAILABLE.contains(language)) {
                return model;
            }
            SentenceEmbedder.Spec spec = MODELS.get(language);
            if (spec == null || !SentenceEmbedder.available(spec)) {
                UNAVAILABLE.add(language);
                return null;
            }
            try {
                long t0 = System.nanoTime();
                SentenceEmbedder embedder = EMBEDDERS.get(spec);
                if (embedder == null) {
                    embedder = SentenceEmbedder.load(spec);
                    EMBEDDERS.put(spec, embedder);
                }
                model = new SemanticEmotions(embedder, language);
                SHARED.put(language, model);
                org.slf4j.LoggerFactory.getLogger(SemanticEmotions.class).info(
                        "Semantic emotion reading ({}) ready in {} ms", language, (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                UNAVAILABLE.add(language);
                org.slf4j.LoggerFactory.getLogger(SemanticEmotions.class).warn(
                        "Semantic emotion reading ({}) off, lexicons only: {}", language, e.toString());
            }
            return model;
        }
    }

    /** The model's cosine spread relative to MiniLM's: margins between emotions are divided by it. */
    double spread() {
        return SPREAD.getOrDefault(language, 1.0);
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
