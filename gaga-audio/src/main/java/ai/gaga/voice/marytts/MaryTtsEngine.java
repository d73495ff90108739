package ai.gaga.voice.marytts;

import ai.gaga.GagaException;
import ai.gaga.UnsupportedLanguageException;
import ai.gaga.audio.processing.Gain;
import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.processing.Resampler;
import ai.gaga.audio.processing.SpeechLevel;
import ai.gaga.audio.processing.Tempo;
import ai.gaga.scene.Voice;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.WordTiming;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * English speech with MaryTTS 5.2 (HMM voice {@code cmu-slt-hsmm}), run inside its own class loader so that its old
 * bundled libraries never meet the application's (see {@link MaryRuntime}).
 *
 * <p>Each line is analysed once into Mary's acoustic parameters (phones, durations, F0) at Mary's natural rate; from
 * those come the phone timings, the length of the speech and the audio, so they agree. The speaking rate is a tempo
 * change of the audio ({@link Prosody#tempo()}), which keeps the length known before the vocoder runs: {@link #time}
 * gives the timing of a line without synthesising it.
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
        return speak(request).utterance();
    }

    @Override
    public boolean timesWithoutSpeaking() {
        return true; // its plan fixes the length; the vocoder is not run
    }

    /**
     * The timing {@link #synthesize} gives the same request, to the sample, without running the vocoder (about 20
     * times faster): Mary's acoustic parameters fix the length of the speech (see {@link Prosody#tempo()}). The audio
     * is silence of that length.
     */
    @Override
    public Utterance time(SpeechRequest request) {
        Plan plan = plan(request);
        return plan.utterance(new PcmAudio(new float[plan.frames()], PcmAudio.STANDARD_RATE, 1));
    }

    /** Audio and Mary's plan for it (tests compare what the vocoder made before it was fitted to the plan). */
    MarySpeech speak(SpeechRequest request) {
        Plan plan = plan(request);
        long t0 = System.nanoTime();
        // Mary scales each line to full scale at its loudest sample, so a vocoder glitch (a burst at the start of
        // "I am so sorry.") left the whole line 20 dB down: limit glitches, and give every line one speech level.
        PcmAudio voiceAudio = SpeechLevel.level(vocode(plan, request.text()), SpeechLevel.TARGET);
        PcmAudio natural = Resampler.resample(voiceAudio, PcmAudio.STANDARD_RATE);
        PcmAudio audio = Tempo.change(natural, plan.prosody().tempo(), plan.frames());
        if (plan.prosody().gain() != 1) {
            audio = Gain.apply(audio, plan.prosody().gain());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.debug("Spoke {} s of \"{}\" ({}) in {} s, real-time factor {}",
                String.format(Locale.ROOT, "%.2f", audio.durationSeconds()), abbreviate(request.text()),
                plan.prosody(), String.format(Locale.ROOT, "%.2f", seconds),
                String.format(Locale.ROOT, "%.3f", seconds / audio.durationSeconds()));
        return new MarySpeech(plan, natural, plan.utterance(audio), voiceAudio.sampleRate());
    }

    /** Mary's acoustic parameters for a request and the exact length and timings of the speech they make. */
    private synchronized Plan plan(SpeechRequest request) {
        if (closed) {
            throw new IllegalStateException("MaryTtsEngine is closed");
        }
        String voice = voiceFor(request.voice());
        String text = plainForms(request.text());
        requireWords(text);
        Prosody prosody = Prosody.of(request);
        Document acoustic = mary.acousticParameters(MaryXml.document(text, prosody), voice);
        F0Tremor.apply(acoustic, prosody.tremor());
        List<PhoneTiming> natural = AcousticTimings.of(acoustic);
        if (natural.stream().allMatch(PhoneTiming::isSilence)) {
            throw new ai.gaga.voice.NothingToSayException(request.text(), "the voice (MaryTTS, " + voice
                    + ") finds nothing it can pronounce in \"" + request.text() + "\"");
        }
        double tempo = prosody.tempo();
        int frames = (int) Math.round(natural.get(natural.size() - 1).end() / tempo * PcmAudio.STANDARD_RATE);
        List<PhoneTiming> phones = new ArrayList<>(natural.size());
        for (PhoneTiming p : natural) {
            phones.add(new PhoneTiming(p.phone(), p.start() / tempo, p.end() / tempo));
        }
        phones = PhoneAlignment.trimOrPad(phones, frames / (double) PcmAudio.STANDARD_RATE);
        return new Plan(voice, prosody, acoustic, natural, phones, AcousticTimings.words(acoustic, phones), frames);
    }

    private synchronized PcmAudio vocode(Plan plan, String text) {
        if (closed) {
            throw new IllegalStateException("MaryTtsEngine is closed");
        }
        PcmAudio audio = mary.audio(plan.acoustic(), plan.voice(), plan.prosody().effects());
        if (audio.frames() == 0) {
            throw new GagaException("MaryTTS made no audio for \"" + abbreviate(text) + "\"");
        }
        return audio;
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

    /**
     * The text with each character that has a plain compatibility form of one character in that form (Unicode NFKC,
     * one character at a time so that positions in the text stay where they are): full-width letters and digits as
     * typed with CJK keyboards ("ｈｅｌｌｏ", "１２３"), which Mary cannot pronounce, read as "hello", "123".
     */
    static String plainForms(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 || Character.isSurrogate(c)) {
                continue;
            }
            String n = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC);
            if (n.length() == 1 && n.charAt(0) != c) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, n.charAt(0));
            }
        }
        return out == null ? text : out.toString();
    }

    /** A line needs at least one letter or digit; Mary would otherwise fail obscurely or return silence. */
    private static void requireWords(String text) {
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new ai.gaga.voice.NothingToSayException(text, "nothing to speak in \"" + text
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
     * What Mary will say for one line, before the vocoder runs.
     *
     * @param voice         the Mary voice
     * @param prosody       the request's prosody
     * @param acoustic      Mary's acoustic parameters (phones, durations, F0) the audio is made from
     * @param naturalPhones the phones at Mary's natural rate, as planned in {@code acoustic}
     * @param phones        the phones of the speech as heard: at the prosody's tempo, ending exactly at
     *                      {@code frames}
     * @param words         the words, timed by {@code phones}
     * @param frames        the length of the speech at {@link PcmAudio#STANDARD_RATE}
     */
    record Plan(String voice, Prosody prosody, Document acoustic, List<PhoneTiming> naturalPhones,
                List<PhoneTiming> phones, List<WordTiming> words, int frames) {
        Utterance utterance(PcmAudio audio) {
            return new Utterance(audio, phones, ID).withWords(words);
        }
    }

    /**
     * What Mary produced for one line.
     *
     * @param plan      what was planned
     * @param natural   the vocoder's audio at Mary's natural rate (resampled to {@link PcmAudio#STANDARD_RATE}),
     *                  before the tempo change and gain
     * @param utterance the line as {@link #synthesize} returns it
     * @param voiceRate the sample rate the voice produced, before conversion to the standard rate
     */
    record MarySpeech(Plan plan, PcmAudio natural, Utterance utterance, int voiceRate) {
    }
}
