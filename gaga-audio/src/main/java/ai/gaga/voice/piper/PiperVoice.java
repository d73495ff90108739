package ai.gaga.voice.piper;

import ai.gaga.GagaException;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.voice.onnx.OnnxProto;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One loaded Piper (VITS) voice: its config, checked against its ONNX graph, and a session that also returns the
 * graph's internal {@code w_ceil} tensor (duration frames per phoneme id), added as a graph output at load time, and
 * draws the graph's noise deterministically ({@link OnnxProto#withDeterministicNoise}: the same ids and scales give the
 * same audio and durations on every call, in one session or across sessions). The
 * session belongs to the {@link OnnxSessions} it came from. Thread-safe.
 */
public final class PiperVoice {
    private static final Logger LOG = LoggerFactory.getLogger(PiperVoice.class);
    static final String INPUT = "input";
    static final String INPUT_LENGTHS = "input_lengths";
    static final String SCALES = "scales";
    static final String SID = "sid";

    private final String name;
    private final PiperConfig config;
    private final OrtSession session;
    private final String audioOutput;
    private final String durationOutput;
    private final boolean hasSid;

    private PiperVoice(String name, PiperConfig config, OrtSession session, String audioOutput, String durationOutput,
                       boolean hasSid) {
        this.name = name;
        this.config = config;
        this.session = session;
        this.audioOutput = audioOutput;
        this.durationOutput = durationOutput;
        this.hasSid = hasSid;
    }

    /**
     * Loads a voice and checks that config and graph agree (inputs, speaker input, phoneme ids within the embedding).
     *
     * @param name       voice name for messages
     * @param model      the {@code .onnx} graph
     * @param configFile its {@code .onnx.json}
     * @param sessions   where the session is created (CUDA or CPU) and owned
     * @throws GagaException naming both files when they disagree or cannot be read
     */
    public static PiperVoice load(String name, Path model, Path configFile, OnnxSessions sessions) {
        PiperConfig config = PiperConfig.read(configFile);
        String files = model + " and " + configFile;
        byte[] bytes;
        OnnxProto.Graph graph;
        try {
            bytes = Files.readAllBytes(model);
            graph = OnnxProto.graph(bytes);
        } catch (IOException | IllegalArgumentException e) {
            throw new GagaException("Cannot read Piper voice model " + model + ": " + e.getMessage(), e);
        }
        for (String input : List.of(INPUT, INPUT_LENGTHS, SCALES)) {
            if (graph.input(input).isEmpty()) {
                throw new GagaException("Piper voice " + name + " (" + files + "): the graph has no '" + input
                        + "' input (it has " + graph.inputNames() + "); this is not a Piper VITS model");
            }
        }
        boolean hasSid = graph.input(SID).isPresent();
        if (config.multiSpeaker() && !hasSid) {
            throw new GagaException("Piper voice " + name + " (" + files + "): the config declares "
                    + config.numSpeakers() + " speakers but the graph has no 'sid' input (it has "
                    + graph.inputNames() + "); config and model do not belong together");
        }
        checkTable(graph, INPUT, config.maxPhonemeId() + 1, "phoneme id " + config.maxPhonemeId()
                + " of phoneme_id_map", name, files);
        if (hasSid) {
            checkTable(graph, SID, config.numSpeakers(), config.numSpeakers() + " speakers (num_speakers)", name,
                    files);
        }
        if (graph.outputs().isEmpty()) {
            throw new GagaException("Piper voice " + name + " (" + model + ") declares no graph output");
        }
        String audio = graph.outputs().contains("output") ? "output" : graph.outputs().get(0);
        Optional<String> durations = durationTensor(graph);
        boolean samples = graph.nodes().stream().anyMatch(n -> OnnxProto.SAMPLERS.contains(n.opType()));
        boolean addOutput = durations.isPresent() && !graph.outputs().contains(durations.get());
        OrtSession session;
        if (samples || addOutput) {
            byte[] patched = bytes;
            try {
                // ORT's samplers advance per run even when seeded: noise that is a function of position only makes
                // every call of the same request give the same audio and durations.
                patched = samples ? OnnxProto.withDeterministicNoise(patched) : patched;
                patched = addOutput ? OnnxProto.withOutputs(patched, List.of(durations.get())) : patched;
            } catch (IllegalArgumentException e) {
                throw new GagaException("Cannot prepare Piper voice model " + model + ": " + e.getMessage(), e);
            }
            session = openPatched(model, patched, sessions);
        } else {
            session = sessions.session(model);
        }
        if (durations.isEmpty()) {
            LOG.warn("Piper voice {} ({}): no Ceil (w_ceil) tensor found; phone timings will be spread evenly", name,
                    model);
        }
        return new PiperVoice(name, config, session, audio, durations.orElse(null), hasSid);
    }

    /**
     * The duration tensor: one named {@code w_ceil}, else the output of the graph's only {@code Ceil} node (VITS
     * computes {@code w_ceil = ceil(exp(logw) * x_mask * length_scale)} exactly once).
     */
    static Optional<String> durationTensor(OnnxProto.Graph graph) {
        if (graph.produces("w_ceil") || graph.outputs().contains("w_ceil")) {
            return Optional.of("w_ceil");
        }
        List<String> ceils = graph.outputsOf("Ceil");
        return ceils.size() == 1 ? Optional.of(ceils.get(0)) : Optional.empty();
    }

    /** Checks that ids fed to {@code input} fit the constant table the graph gathers them from, where there is one. */
    private static void checkTable(OnnxProto.Graph graph, String input, long needed, String what, String name,
                                   String files) {
        for (OnnxProto.Node node : graph.nodes()) {
            if (node.opType().equals("Gather") && node.inputs().size() == 2 && node.inputs().get(1).equals(input)) {
                OnnxProto.TensorInfo table = graph.initializers().get(node.inputs().get(0));
                if (table != null && table.dims().length > 0 && table.dims()[0] < needed) {
                    throw new GagaException("Piper voice " + name + " (" + files + "): the config needs " + what
                            + " but the graph's table '" + table.name() + "' has only " + table.dims()[0]
                            + " rows; config and model do not belong together");
                }
            }
        }
    }

    /** A session over the rewritten model; the rewritten copy lives only until ORT has read it. */
    private static OrtSession openPatched(Path model, byte[] patched, OnnxSessions sessions) {
        Path temp = null;
        try {
            // A file rather than createSession(byte[]): ORT holds 2-3x the model in memory when loading from bytes.
            temp = Files.createTempFile("gaga-piper-", ".onnx");
            Files.write(temp, patched);
            return sessions.session(temp);
        } catch (IOException e) {
            throw new GagaException("Cannot prepare Piper model " + model + ": " + e.getMessage(),
                    e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}: {}", temp, e.getMessage());
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public PiperConfig config() {
        return config;
    }

    /** Whether per-phoneme durations come from the graph ({@code w_ceil}) rather than an even spread. */
    public boolean hasDurations() {
        return durationOutput != null;
    }

    /**
     * What one run of the graph produced.
     *
     * @param audio        mono samples at {@link PiperConfig#sampleRate()}
     * @param samplesPerId how many samples each input id lasts (from {@code w_ceil}, times the 256-sample hop)
     */
    record Inference(float[] audio, long[] samplesPerId) {
    }

    /** Runs the graph on phoneme ids. */
    Inference infer(long[] ids, float noiseScale, float lengthScale, float noiseW, int speaker) {
        if (speaker < 0 || speaker >= config.numSpeakers()) {
            throw new GagaException("Piper voice " + name + " has speakers 0.." + (config.numSpeakers() - 1)
                    + ", not " + speaker);
        }
        OrtEnvironment env = OnnxSessions.environment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length}));
            inputs.put(INPUT_LENGTHS, OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {ids.length}),
                    new long[] {1}));
            inputs.put(SCALES, OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {noiseScale, lengthScale,
                    noiseW}), new long[] {3}));
            if (hasSid) {
                inputs.put(SID, OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {speaker}), new long[] {1}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[] audio = floats(result.get(audioOutput).orElseThrow());
                long[] perId = durationOutput == null ? even(ids.length, audio.length)
                        : samples(result.get(durationOutput).orElseThrow(), ids.length);
                return new Inference(audio, perId);
            }
        } catch (OrtException e) {
            throw new GagaException("Piper voice " + name + " failed on " + ids.length + " phoneme ids: "
                    + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] floats(OnnxValue value) {
        FloatBuffer b = ((OnnxTensor) value).getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    /** Samples per id from {@code w_ceil} (float in exported VITS graphs, int64 in some re-exports). */
    private long[] samples(OnnxValue value, int n) {
        OnnxTensor t = (OnnxTensor) value;
        long[] out = new long[n];
        if (t.getInfo().type == OnnxJavaType.FLOAT) {
            FloatBuffer b = t.getFloatBuffer();
            checkCount(b.remaining(), n);
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(0, Math.round(b.get(i))) * (long) PiperConfig.HOP;
            }
        } else {
            LongBuffer b = t.getLongBuffer();
            checkCount(b.remaining(), n);
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(0, b.get(i)) * PiperConfig.HOP;
            }
        }
        return out;
    }

    private void checkCount(int got, int n) {
        if (got != n) {
            throw new GagaException("Piper voice " + name + ": duration tensor '" + durationOutput + "' has " + got
                    + " values for " + n + " phoneme ids");
        }
    }

    /** Fallback without {@code w_ceil}: every id gets the same share of the audio. */
    private static long[] even(int n, int samples) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = (long) samples * (i + 1) / n - (long) samples * i / n;
        }
        return out;
    }
}
