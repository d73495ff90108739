package ai.gaga.voice.kokoro;

import ai.gaga.GagaException;
import ai.gaga.UnsupportedLanguageException;
import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.processing.Resampler;
import ai.gaga.models.ModelStore;
import ai.gaga.models.ModelUnavailableException;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.espeak.EspeakPhonemizer;
import ai.gaga.voice.onnx.SpeechPace;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speaks with Kokoro-82M on ONNX Runtime: espeak-ng IPA mapped to Kokoro's vocabulary, the graph's {@code input_ids}
 * (padded with 0 at both ends), {@code style} (the voice table's row for the number of tokens) and {@code speed};
 * {@code waveform} at 24 kHz, resampled to 48 kHz. Phone timings are allocated in proportion to typical phone lengths
 * over the voiced span ({@link KokoroTimings}), since the graph reports no durations. The model is
 * {@link ai.gaga.voice.onnx.VoiceModels#KOKORO_MODEL}; voices are {@code voice/kokoro/voices/NAME} (510x256 float32 tables, e.g. from the
 * kokoro-js npm package). Thread-safe.
 */
public final class KokoroEngine implements SpeechEngine {
    /** Engine id. */
    public static final String ID = "kokoro";
    /** Output rate of the graph. */
    public static final int SAMPLE_RATE = 24_000;
    /** Length of a style vector. */
    public static final int STYLE_DIM = 256;
    private static final Logger LOG = LoggerFactory.getLogger(KokoroEngine.class);
    /** The voice used for a language when the request names none. */
    static final Map<String, String> DEFAULT_VOICES = Map.of("en", "af_heart", "fr", "ff_siwis", "es", "ef_dora",
            "it", "if_sara", "pt", "pf_dora", "zh", "zf_xiaoxiao", "hi", "hf_alpha", "ja", "jf_alpha");

    private final ModelStore models;
    private final OnnxSessions sessions;
    private final Map<String, float[]> voices = new ConcurrentHashMap<>();
    private volatile Graph graph;

    /** An engine resolving the model and voices in {@code models} and running in {@code sessions} (not closed here). */
    public KokoroEngine(ModelStore models, OnnxSessions sessions) {
        this.models = java.util.Objects.requireNonNull(models, "models");
        this.sessions = java.util.Objects.requireNonNull(sessions, "sessions");
    }

    /** The loaded session and the names of its inputs and output. */
    private record Graph(OrtSession session, String ids, String output) {
    }

    @Override
    public String id() {
        return ID;
    }

    /** Speaks a line at the pace its emotion and delivery ask for ({@link SpeechPace}). */
    @Override
    public Utterance synthesize(SpeechRequest request) {
        SpeechPace pace = SpeechPace.of(request);
        return synthesize(request, (float) pace.speed(), pace.gain());
    }

    /**
     * Speaks a line at a speed (1 is the voice's natural pace, 2 twice as fast), at the voice's own level.
     *
     * @throws GagaException when the model or voice is missing (listing the voices there are) or does not fit
     */
    public Utterance synthesize(SpeechRequest request, float speed) {
        return synthesize(request, speed, 1);
    }

    private Utterance synthesize(SpeechRequest request, float speed, double gain) {
        if (!(speed > 0.1f && speed < 10f)) {
            throw new IllegalArgumentException("Kokoro speed must be in (0.1, 10), got " + speed);
        }
        String name = request.voice().voiceName().orElseGet(() -> defaultVoice(request));
        float[] table = voice(name);
        String phonemes = KokoroTokenizer.normalize(EspeakPhonemizer.ipaWithPunctuation(espeakVoice(name, request),
                request.text()));
        Map<String, Integer> missing = new LinkedHashMap<>();
        List<KokoroTokenizer.Token> tokens = KokoroTokenizer.tokens(phonemes, missing);
        if (!missing.isEmpty()) {
            LOG.debug("Kokoro has no token for {} (dropped)", missing);
        }
        if (tokens.size() > KokoroTokenizer.MAX_TOKENS) {
            LOG.warn("Kokoro speaks at most {} tokens per line; {} cut off (split the line)",
                    KokoroTokenizer.MAX_TOKENS, tokens.size() - KokoroTokenizer.MAX_TOKENS);
            tokens = tokens.subList(0, KokoroTokenizer.MAX_TOKENS);
        }
        float[] wave = run(tokens, style(table, tokens.size()), speed);
        new SpeechPace(speed, gain).apply(wave);
        List<PhoneTiming> phones = KokoroTimings.align(tokens, wave, SAMPLE_RATE);
        PcmAudio audio = Resampler.resample(new PcmAudio(wave, SAMPLE_RATE, 1), PcmAudio.STANDARD_RATE);
        return new Utterance(audio, clamp(phones, audio.durationSeconds()), ID);
    }

    /** The style row for a line of {@code tokens} tokens (Kokoro's tables are indexed by token count). */
    static float[] style(float[] table, int tokens) {
        int rows = table.length / STYLE_DIM;
        int row = Math.min(tokens, rows - 1);
        float[] out = new float[STYLE_DIM];
        System.arraycopy(table, row * STYLE_DIM, out, 0, STYLE_DIM);
        return out;
    }

    private float[] run(List<KokoroTokenizer.Token> tokens, float[] style, float speed) {
        Graph g = graph();
        long[] ids = new long[tokens.size() + 2]; // 0 pads at both ends
        for (int i = 0; i < tokens.size(); i++) {
            ids[i + 1] = tokens.get(i).id();
        }
        OrtEnvironment env = OnnxSessions.environment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(g.ids(), OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length}));
            inputs.put("style", OnnxTensor.createTensor(env, FloatBuffer.wrap(style), new long[] {1, STYLE_DIM}));
            inputs.put("speed", OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {speed}), new long[] {1}));
            try (OrtSession.Result result = g.session().run(inputs)) {
                FloatBuffer b = ((OnnxTensor) result.get(g.output()).orElseThrow()).getFloatBuffer();
                float[] out = new float[b.remaining()];
                b.get(out);
                return out;
            }
        } catch (OrtException e) {
            throw new GagaException("Kokoro failed on " + ids.length + " tokens: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private Graph graph() {
        Graph g = graph;
        if (g == null) {
            synchronized (this) {
                if (graph == null) {
                    graph = load();
                }
                g = graph;
            }
        }
        return g;
    }

    private Graph load() {
        Path file;
        try {
            file = models.resolve(ai.gaga.voice.onnx.VoiceModels.KOKORO_MODEL);
        } catch (ModelUnavailableException e) {
            throw new GagaException("The Kokoro model is not available: " + e.getMessage(), e);
        }
        OrtSession session = sessions.session(file);
        Set<String> in = session.getInputNames();
        String ids = in.contains("input_ids") ? "input_ids" : in.contains("tokens") ? "tokens" : null;
        if (ids == null || !in.contains("style") || !in.contains("speed")) {
            throw new GagaException("Kokoro model " + file + " has inputs " + in
                    + ", expected input_ids (int64 [1,n]), style (float [1,256]) and speed (float [1])");
        }
        Set<String> outs = session.getOutputNames();
        String output = outs.contains("waveform") ? "waveform" : outs.iterator().next();
        return new Graph(session, ids, output);
    }

    /**
     * A voice's style table, read once.
     *
     * @throws GagaException listing the voices the model store knows when this one is missing
     */
    float[] voice(String name) {
        return voices.computeIfAbsent(name, this::readVoice);
    }

    private float[] readVoice(String name) {
        String id = ai.gaga.voice.onnx.VoiceModels.KOKORO_VOICE_PREFIX + name;
        Path file;
        try {
            file = models.resolve(id);
        } catch (ModelUnavailableException e) {
            List<String> known = models.ids().stream().filter(s -> s.startsWith(ai.gaga.voice.onnx.VoiceModels.KOKORO_VOICE_PREFIX))
                    .map(s -> s.substring(ai.gaga.voice.onnx.VoiceModels.KOKORO_VOICE_PREFIX.length())).toList();
            throw new GagaException("Kokoro voice '" + name + "' is not available (model id " + id + "). Voices: "
                    + String.join(", ", known) + ". " + e.getMessage(), e);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0 || bytes.length % (STYLE_DIM * 4) != 0) {
                throw new GagaException("Kokoro voice " + file + " has " + bytes.length + " bytes, not rows of "
                        + STYLE_DIM + " float32 values");
            }
            float[] table = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(table);
            return table;
        } catch (IOException e) {
            throw new GagaException("Cannot read Kokoro voice " + file + ": " + e.getMessage(), e);
        }
    }

    private static String defaultVoice(SpeechRequest request) {
        String voice = DEFAULT_VOICES.get(request.voice().primaryLanguage());
        if (voice == null) {
            throw new UnsupportedLanguageException(request.voice().language(),
                    List.of(ID + ": " + String.join(", ", new java.util.TreeSet<>(DEFAULT_VOICES.keySet()))));
        }
        return voice;
    }

    /** The espeak voice for a Kokoro voice: its first letter is its language; else the request's language. */
    static String espeakVoice(String name, SpeechRequest request) {
        return switch (name.isEmpty() ? ' ' : name.charAt(0)) {
            case 'a' -> "en-us";
            case 'b' -> "en-gb";
            case 'e' -> "es";
            case 'f' -> "fr-fr";
            case 'h' -> "hi";
            case 'i' -> "it";
            case 'j' -> "ja";
            case 'p' -> "pt-br";
            case 'z' -> "cmn";
            default -> request.voice().language().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static List<PhoneTiming> clamp(List<PhoneTiming> phones, double duration) {
        return phones.stream().map(p -> {
            double start = Math.min(p.start(), duration);
            return new PhoneTiming(p.phone(), start, Math.max(start, Math.min(p.end(), duration)));
        }).toList();
    }
}
