package ai.gaga.voice.piper;

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
import ai.gaga.voice.onnx.SpeechPace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speaks with Piper voices on ONNX Runtime: espeak-ng IPA mapped through the voice's phoneme id map, the VITS graph,
 * phone timings from the graph's own durations ({@code w_ceil}), audio resampled to 48 kHz. Emotion and delivery set
 * the length scale and level ({@link SpeechPace}). Voices are model ids
 * {@code voice/piper/NAME} (the {@code .onnx}) and {@code voice/piper/NAME.json} (its config), resolved through the
 * {@link ModelStore}; a speaker of a multi-speaker voice is named after a {@code #} ({@code NAME#speaker} or
 * {@code NAME#3}). Thread-safe; voices load on first use and stay loaded.
 */
public final class PiperEngine implements SpeechEngine {
    /** Engine id. */
    public static final String ID = "piper";
    private static final Logger LOG = LoggerFactory.getLogger(PiperEngine.class);
    /** The voice used for a language when the request names none. */
    static final Map<String, String> DEFAULT_VOICES = Map.of(
            "en", "en_US-ljspeech-medium",
            "fr", "fr_FR-siwis-medium",
            "zh", "zh_CN-huayan-medium",
            "de", "de_DE-thorsten-medium");

    private final ModelStore models;
    private final OnnxSessions sessions;
    private final Map<String, PiperVoice> voices = new ConcurrentHashMap<>();

    /** An engine resolving voices in {@code models} and running them in {@code sessions} (neither is closed here). */
    public PiperEngine(ModelStore models, OnnxSessions sessions) {
        this.models = java.util.Objects.requireNonNull(models, "models");
        this.sessions = java.util.Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * A voice by name, loaded once.
     *
     * @throws GagaException naming the model ids and files when the voice is missing or its files disagree
     */
    public PiperVoice voice(String name) {
        return voices.computeIfAbsent(name, this::load);
    }

    private PiperVoice load(String name) {
        String id = ai.gaga.voice.onnx.VoiceModels.PIPER_PREFIX + name;
        Path model;
        Path config;
        try {
            model = models.resolve(id);
            config = models.resolve(id + ".json");
        } catch (ModelUnavailableException e) {
            throw new GagaException("Piper voice '" + name + "' is not available (model ids " + id + " and " + id
                    + ".json, files " + name + ".onnx and " + name + ".onnx.json): " + e.getMessage(), e);
        }
        long t0 = System.nanoTime();
        PiperVoice voice = PiperVoice.load(name, model, config, sessions);
        LOG.info("Piper voice {} loaded in {} ms ({} Hz, {} speaker(s), durations {})", name,
                (System.nanoTime() - t0) / 1_000_000, voice.config().sampleRate(), voice.config().numSpeakers(),
                voice.hasDurations() ? "from w_ceil" : "spread evenly");
        return voice;
    }

    @Override
    public Utterance synthesize(SpeechRequest request) {
        String requested = request.voice().voiceName().orElseGet(() -> defaultVoice(request));
        int hash = requested.indexOf('#');
        String name = hash < 0 ? requested : requested.substring(0, hash);
        PiperVoice voice = voice(name);
        PiperConfig config = voice.config();
        int speaker = hash < 0 ? 0 : speaker(voice, requested.substring(hash + 1));
        String phonemes = PiperPhonemes.phonemize(request.text(), config.espeakVoice());
        Map<String, Integer> missing = new LinkedHashMap<>();
        List<PiperPhonemes.Unit> units = PiperPhonemes.units(phonemes, config, missing);
        if (!missing.isEmpty()) {
            LOG.debug("Piper voice {} has no id for phonemes {} (dropped)", name, PiperPhonemes.describe(missing));
        }
        long[] ids = PiperPhonemes.ids(units);
        SpeechPace pace = SpeechPace.of(request);
        PiperVoice.Inference run = voice.infer(ids, config.noiseScale(), (float) (config.lengthScale() / pace.speed()),
                config.noiseW(), speaker);
        pace.apply(run.audio());
        long[] perId = fitTo(run.samplesPerId(), run.audio().length);
        List<PhoneTiming> phones = PiperPhonemes.timings(units, perId, config.sampleRate());
        PcmAudio audio = Resampler.resample(new PcmAudio(run.audio(), config.sampleRate(), 1),
                PcmAudio.STANDARD_RATE);
        List<PhoneTiming> timed = clamp(phones, audio.durationSeconds());
        // the phoneme string's spaces are silences in the timeline, so its runs of speech are espeak's words
        return new Utterance(audio, timed, ID).withWords(ai.gaga.voice.WordTiming.runs(timed));
    }

    private static String defaultVoice(SpeechRequest request) {
        String voice = DEFAULT_VOICES.get(request.voice().primaryLanguage());
        if (voice == null) {
            throw new UnsupportedLanguageException(request.voice().language(),
                    List.of(ID + ": " + String.join(", ", new java.util.TreeSet<>(DEFAULT_VOICES.keySet()))
                            + " (or name any Piper voice with Voice.piper(name))"));
        }
        return voice;
    }

    private static int speaker(PiperVoice voice, String speaker) {
        Integer sid = voice.config().speakerIds().get(speaker);
        if (sid != null) {
            return sid;
        }
        if (speaker.matches("\\d+") && Integer.parseInt(speaker) < voice.config().numSpeakers()) {
            return Integer.parseInt(speaker);
        }
        throw new GagaException("Piper voice " + voice.name() + " has no speaker '" + speaker + "'; speakers: "
                + (voice.config().speakerIds().isEmpty() ? "0.." + (voice.config().numSpeakers() - 1)
                : String.join(", ", voice.config().speakerIds().keySet())));
    }

    /**
     * Durations scaled to the audio's real length. VITS emits exactly {@code sum(w_ceil) * 256} samples, so this is
     * the identity for Piper graphs; it guards re-exports that trim or pad.
     */
    static long[] fitTo(long[] perId, int samples) {
        long total = 0;
        for (long v : perId) {
            total += v;
        }
        if (total == samples || total == 0) {
            return perId;
        }
        long[] out = new long[perId.length];
        long acc = 0;
        long prev = 0;
        for (int i = 0; i < perId.length; i++) {
            acc += perId[i];
            long end = Math.round(acc * (double) samples / total);
            out[i] = end - prev;
            prev = end;
        }
        return out;
    }

    /** Keeps timings inside the resampled audio (its length is rounded to whole 48 kHz samples). */
    private static List<PhoneTiming> clamp(List<PhoneTiming> phones, double duration) {
        List<PhoneTiming> out = new ArrayList<>(phones.size());
        for (PhoneTiming p : phones) {
            double start = Math.min(p.start(), duration);
            out.add(new PhoneTiming(p.phone(), start, Math.max(start, Math.min(p.end(), duration))));
        }
        return out;
    }
}
