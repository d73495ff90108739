package ai.gaga.voice.marytts;

import ai.gaga.GagaException;
import ai.gaga.UnsupportedLanguageException;
import ai.gaga.audio.Gain;
import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.Resampler;
import ai.gaga.scene.Voice;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.WordTiming;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * English speech with MaryTTS 5.2 (HMM voice {@code cmu-slt-hsmm}), run inside its own class loader so that its old
 * bundled libraries never meet the application's (see {@link MaryRuntime}).
 *
 * <p>Each line is analysed once into Mary's acoustic parameters (phones, durations, F0); from those come both the
 * phone timings and the audio, so they agree (the small rounding drift left is absorbed by {@link PhoneAlignment}).
 * Emotion and delivery become MaryXML prosody, Mary audio effects, a gain and an F0 tremor ({@link Prosody}). Output
 * is mono at {@link PcmAudio#STANDARD_RATE}.
 *
 * <p>All engines of a JVM share one MaryTTS, started by the first (a few seconds) and kept until the JVM exits, because
 * Mary cannot be unloaded (see {@link MaryRuntime}). Thread-safe: calls are serialised, as Mary holds per-call state.
 */
public final class MaryTtsEngine implements SpeechEngine {
    /** Engine id, as in {@link Voice#engine()}. */
    public static final String ID = "marytts";
    /** What {@link UnsupportedLanguageException} lists as this engine's offer. */
    static final String LANGUAGES = ID + ": en";

    private static final Logger LOG = LoggerFactory.getLogger(MaryTtsEngine.class);

    private final MaryRuntime mary;
    private final Set<String> voices;
    private final String defaultVoice;
    private final long startupMillis;
    private boolean closed;

    private MaryTtsEngine(MaryRuntime mary, String preferredVoice, long startupMillis) {
        this.mary = mary;
        this.voices = mary.voices();
        if (voices.isEmpty()) {
            throw new GagaException("MaryTTS started without any voice");
        }
        this.defaultVoice = voices.contains(preferredVoice) ? preferredVoice : voices.iterator().next();
        this.startupMillis = startupMillis;
    }

    /**
     * An engine over this JVM's MaryTTS. The first call extracts MaryTTS to the user's cache folder if needed and
     * starts it (a few seconds); later calls return at once.
     */
    public static MaryTtsEngine start() {
        MaryBundle bundle = MaryBundle.load();
        long t0 = System.nanoTime();
        MaryRuntime runtime = MaryRuntime.shared(() -> MaryJars.extract(bundle));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        MaryTtsEngine engine = new MaryTtsEngine(runtime, bundle.defaultVoice(), millis);
        LOG.debug("MaryTTS {} engine ready in {} ms, voices {}", bundle.version(), millis, engine.voices);
        return engine;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Installed voice names, e.g. {@code cmu-slt-hsmm}. */
    public Set<String> voices() {
        return voices;
    }

    /** How long this engine took to start, in milliseconds (about 0 when MaryTTS was already running). */
    public long startupMillis() {
        return startupMillis;
    }

    /**
     * Speaks one line.
     *
     * @throws UnsupportedLanguageException for any language but English
     * @throws GagaException                for text without words, an unknown voice name, or a MaryTTS failure
     */
    @Override
    public Utterance synthesize(SpeechRequest request) {
        MarySpeech speech = speak(request);
        List<PhoneTiming> phones = PhoneAlignment.fit(speech.plannedPhones(), speech.audio().durationSeconds());
        List<WordTiming> words = AcousticTimings.words(speech.acoustic(), phones);
        return new Utterance(speech.audio(), phones, ID).withWords(words);
    }

    /** Audio and Mary's planned phone timings, before they are fitted to each other (tests compare the two). */
    synchronized MarySpeech speak(SpeechRequest request) {
        if (closed) {
            throw new IllegalStateException("MaryTtsEngine is closed");
        }
        String voice = voiceFor(request.voice());
        String text = request.text();
        requireWords(text);
        Prosody prosody = Prosody.of(request);
        long t0 = System.nanoTime();
        Document acoustic = mary.acousticParameters(MaryXml.document(text, prosody), voice);
        F0Tremor.apply(acoustic, prosody.tremor());
        // Timings and audio come from the same parameters, so they describe the same speech.
        List<PhoneTiming> phones = AcousticTimings.of(acoustic);
        PcmAudio voiceAudio = mary.audio(acoustic, voice, prosody.effects());
        PcmAudio audio = Resampler.resample(voiceAudio, PcmAudio.STANDARD_RATE);
        if (prosody.gain() != 1) {
            audio = Gain.apply(audio, prosody.gain());
        }
        if (audio.frames() == 0 || phones.stream().allMatch(PhoneTiming::isSilence)) {
            throw new GagaException("MaryTTS found nothing to say in \"" + text + "\"");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.debug("Spoke {} s of \"{}\" ({}) in {} s, real-time factor {}",
                String.format(Locale.ROOT, "%.2f", audio.durationSeconds()), abbreviate(text), prosody,
                String.format(Locale.ROOT, "%.2f", seconds),
                String.format(Locale.ROOT, "%.3f", seconds / audio.durationSeconds()));
        return new MarySpeech(audio, phones, voiceAudio.sampleRate(), acoustic);
    }

    /** The Mary voice for a requested voice; rejects other languages and unknown names. */
    private String voiceFor(Voice voice) {
        if (!voice.primaryLanguage().equals("en")) {
            throw new UnsupportedLanguageException(voice.language(), List.of(LANGUAGES));
        }
        if (voice.name() == null || voice.name().isBlank()) {
            return defaultVoice;
        }
        return voices.stream().filter(v -> v.equalsIgnoreCase(voice.name().trim())).findFirst()
                .orElseThrow(() -> new GagaException("MaryTTS has no voice '" + voice.name() + "'. Installed: "
                        + String.join(", ", voices)));
    }

    /** A line needs at least one letter or digit; Mary would otherwise fail obscurely or return silence. */
    private static void requireWords(String text) {
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new GagaException("Nothing to speak in \"" + text
                    + "\": the line has no words, only punctuation or spaces (use a pause for silence)");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /**
     * Ends this engine: later calls fail. MaryTTS itself stays loaded for the other engines and the next one.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
    }

    /**
     * What Mary produced for one line.
     *
     * @param audio         mono at {@link PcmAudio#STANDARD_RATE}
     * @param plannedPhones the phone timings Mary planned, not yet fitted to the audio's length
     * @param voiceRate     the sample rate the voice produced, before conversion to the standard rate
     * @param acoustic      Mary's acoustic parameters the speech was made from (its tokens give the words)
     */
    record MarySpeech(PcmAudio audio, List<PhoneTiming> plannedPhones, int voiceRate, Document acoustic) {
    }
}
