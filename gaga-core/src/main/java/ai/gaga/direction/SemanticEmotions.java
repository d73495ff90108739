package ai.gaga.direction;

import ai.gaga.scene.Emotion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An emotion reading by meaning rather than words, for English (all-MiniLM-L6-v2), French (its {@link FrenchGloss}
 * read by the English model) and Chinese (bge-small-zh-v1.5):
 * the line's sentence embedding is compared with example lines per emotion ({@code semantic-<lang>.txt}), each
 * emotion scoring a blend of the mean cosine of its closest examples and the cosine to its centroid (the examples'
 * mean direction). Catches what no lexicon lists ("All his letters are still in the drawer"). The examples are embedded
 * once and kept in a small cache file ({@code ~/.cache/gaga}, or {@code -Dgaga.cache.dir}), keyed by the model and the
 * examples' text, so later start-ups only load the model. One instance per language and JVM, made on first use when
 * the model jar is on the class path ({@link #shared(String)}); thread-safe.
 */
final class SemanticEmotions {
    private static final Logger LOG = LoggerFactory.getLogger(SemanticEmotions.class);
    /** Closest examples averaged per emotion (tuned on the dev and older sets, as are the two below). */
    private static final int NEAREST = 2;
    /** Weight of the centroid cosine in an emotion's score; the rest is the nearest examples' mean. */
    private static final double CENTROID_WEIGHT = 0.2;
    private static final Map<String, SentenceEmbedder.Spec> MODELS = Map.of(
            "en", SentenceEmbedder.ENGLISH, "zh", SentenceEmbedder.CHINESE);
    /** One loaded model per spec, shared by the languages that read with it. */
    private static final Map<SentenceEmbedder.Spec, SentenceEmbedder> EMBEDDERS = new HashMap<>();
    private static final Map<String, SemanticEmotions> SHARED = new ConcurrentHashMap<>();
    private static final Set<String> UNAVAILABLE = ConcurrentHashMap.newKeySet();
    /** How far apart a model's cosines lie, relative to MiniLM's: bge's sit in a narrower band. */
    private static final Map<String, Double> SPREAD = Map.of("en", 1.0, "fr", 0.8, "zh", 0.5);

    private final SentenceEmbedder embedder;
    private final String language;
    /** What the line becomes before it is embedded: itself, or for French its English gloss. */
    private final java.util.function.UnaryOperator<String> prepare;
    private final Map<Emotion, List<float[]>> examples = new EnumMap<>(Emotion.class);
    private final Map<Emotion, float[]> centroids = new EnumMap<>(Emotion.class);

    /**
     * Another language read through this one's model and examples, its lines first turned by {@code prepare}, with its
     * own examples ({@code semantic-<language>.txt}, turned the same way) added to the base's.
     */
    private SemanticEmotions(SemanticEmotions base, SentenceEmbedder.Spec spec, String language,
            java.util.function.UnaryOperator<String> prepare) {
        this.embedder = base.embedder;
        this.language = language;
        this.prepare = prepare;
        base.examples.forEach((e, list) -> examples.put(e, new ArrayList<>(list)));
        List<Emotion> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        read(language, labels, texts);
        texts.replaceAll(prepare);
        List<float[]> vectors = cachedEmbeddings(spec, language, texts);
        for (int i = 0; i < labels.size(); i++) {
            examples.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(vectors.get(i));
        }
        examples.forEach((e, list) -> centroids.put(e, unitMean(list)));
    }

    private SemanticEmotions(SentenceEmbedder embedder, SentenceEmbedder.Spec spec, String language) {
        this.embedder = embedder;
        this.language = language;
        this.prepare = java.util.function.UnaryOperator.identity();
        List<Emotion> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        read(language, labels, texts);
        List<float[]> vectors = cachedEmbeddings(spec, language, texts);
        for (int i = 0; i < labels.size(); i++) {
            examples.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(vectors.get(i));
        }
        examples.forEach((e, list) -> centroids.put(e, unitMean(list)));
    }

    private static void read(String language, List<Emotion> labels, List<String> texts) {
        for (DataFile.Entry e : DataFile.read("semantic-" + language + ".txt")) {
            String[] pair = e.pair("emotion<TAB>line");
            if (EmotionAnalyzer.negatesEmotionWord(pair[1], language)) {
                continue; // "I'm not happy" lies next to "I'm happy" for the model: it would pull the wrong way
            }
            labels.add(Emotion.valueOf(pair[0].toUpperCase(Locale.ROOT)));
            texts.add(pair[1]);
        }
    }

    /** The examples' embeddings from the cache file when it matches the model and the text, else computed and saved. */
    private List<float[]> cachedEmbeddings(SentenceEmbedder.Spec spec, String language, List<String> texts) {
        Path file = cacheFile(spec, language, texts);
        if (file != null && Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                int n = in.readInt();
                int dim = in.readInt();
                if (n == texts.size()) {
                    List<float[]> out = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        float[] v = new float[dim];
                        for (int d = 0; d < dim; d++) {
                            v[d] = in.readFloat();
                        }
                        out.add(v);
                    }
                    return out;
                }
            } catch (IOException e) {
                LOG.debug("Semantic example cache {} unreadable, recomputing: {}", file, e.toString());
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embedder.embed(t));
        }
        if (file != null) {
            save(file, out);
        }
        return out;
    }

    private static void save(Path file, List<float[]> vectors) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                    Files.newOutputStream(tmp)))) {
                out.writeInt(vectors.size());
                out.writeInt(vectors.get(0).length);
                for (float[] v : vectors) {
                    for (float f : v) {
                        out.writeFloat(f);
                    }
                }
            }
            // atomic so that two JVMs starting together never read half a file
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Semantic example cache not written ({}): {}", file, e.toString());
        }
    }

    /** Where the cache for this model and these examples lives, or null when no cache directory can be named. */
    private static Path cacheFile(SentenceEmbedder.Spec spec, String language, List<String> texts) {
        String dir = System.getProperty("gaga.cache.dir");
        if (dir == null) {
            String home = System.getProperty("user.home");
            if (home == null || home.isEmpty()) {
                return null;
            }
            dir = Path.of(home, ".cache", "gaga").toString();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(spec.model().getBytes(StandardCharsets.UTF_8));
            sha.update(spec.pooling().name().getBytes(StandardCharsets.UTF_8));
            for (String t : texts) {
                sha.update((t + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String key = HexFormat.of().formatHex(sha.digest(), 0, 8);
            return Path.of(dir, "semantic-" + language + "-" + key + ".bin");
        } catch (NoSuchAlgorithmException | java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static float[] unitMean(List<float[]> vectors) {
        float[] mean = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += v[d];
            }
        }
        double norm = 0;
        for (float f : mean) {
            norm += f * f;
        }
        float scale = (float) (1 / Math.max(1e-9, Math.sqrt(norm)));
        for (int d = 0; d < mean.length; d++) {
            mean[d] *= scale;
        }
        return mean;
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
            if (language.equals("fr")) {
                // French reads through its English gloss with the English model and examples
                SemanticEmotions english = shared("en");
                if (english == null) {
                    UNAVAILABLE.add(language);
                    return null;
                }
                model = new SemanticEmotions(english, SentenceEmbedder.ENGLISH, language, FrenchGloss::gloss);
                SHARED.put(language, model);
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
                long t1 = System.nanoTime();
                model = new SemanticEmotions(embedder, spec, language);
                SHARED.put(language, model);
                LOG.info("Semantic emotion reading ({}) ready in {} ms (model {} ms, examples {} ms)", language,
                        (System.nanoTime() - t0) / 1_000_000, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                UNAVAILABLE.add(language);
                LOG.warn("Semantic emotion reading ({}) off, lexicons only: {}", language, e.toString());
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
        float[] v = embedder.embed(prepare.apply(text));
        int k = NEAREST;
        double w = CENTROID_WEIGHT;
        Map<Emotion, Double> out = new EnumMap<>(Emotion.class);
        for (Map.Entry<Emotion, List<float[]>> e : examples.entrySet()) {
            double[] best = new double[k];
            java.util.Arrays.fill(best, -1);
            for (float[] example : e.getValue()) {
                double cos = dot(v, example);
                for (int i = 0; i < k; i++) {
                    if (cos > best[i]) {
                        System.arraycopy(best, i, best, i + 1, k - i - 1);
                        best[i] = cos;
                        break;
                    }
                }
            }
            double sum = 0;
            for (double b : best) {
                sum += b;
            }
            out.put(e.getKey(), (1 - w) * sum / k + w * dot(v, centroids.get(e.getKey())));
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double cos = 0;
        for (int d = 0; d < a.length; d++) {
            cos += a[d] * b[d];
        }
        return cos;
    }
}
