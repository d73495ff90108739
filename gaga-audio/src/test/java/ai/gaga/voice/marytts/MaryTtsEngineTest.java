package ai.gaga.voice.marytts;

import ai.gaga.GagaException;
import ai.gaga.UnsupportedLanguageException;
import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Voice;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechEngineFactory;
import ai.gaga.audio.processing.SpeechLevel;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real MaryTTS, started once for the class. */
class MaryTtsEngineTest {
    private static final Logger LOG = LoggerFactory.getLogger(MaryTtsEngineTest.class);
    private static final String HELLO = "Hello world, this is a test.";
    private static final String TWO_SENTENCES = "I have to go now. Goodbye, my friend.";

    private static MaryTtsEngine engine;

    @BeforeAll
    static void startMary() {
        engine = MaryTtsEngine.start();
    }

    @AfterAll
    static void stopMary() {
        if (engine != null) {
            engine.close();
        }
    }

    private static Utterance say(String text, Emotion emotion, double intensity, Delivery delivery) {
        return engine.synthesize(new SpeechRequest(text, Voice.DEFAULT, emotion, intensity, delivery));
    }

    private static Utterance say(String text) {
        return say(text, Emotion.NEUTRAL, 0, Delivery.NORMAL);
    }

    @Test
    void speaksEnglishWithPhoneTimingsThatCoverTheAudio() {
        MaryTtsEngine.MarySpeech raw = engine.speak(SpeechRequest.of(HELLO, Voice.of("en-US")));
        Utterance u = engine.synthesize(SpeechRequest.of(HELLO, Voice.of("en-US")));
        PcmAudio audio = u.audio();

        assertEquals("marytts", u.engine());
        assertEquals(PcmAudio.STANDARD_RATE, audio.sampleRate());
        assertEquals(1, audio.channels());
        assertTrue(u.durationSeconds() > 1 && u.durationSeconds() < 4, "duration " + u.durationSeconds());
        assertTrue(audio.rms() > 0.01, "rms " + audio.rms());
        assertTrue(audio.peak() <= 1f, "peak " + audio.peak());

        List<PhoneTiming> phones = u.phones();
        assertEquals(0, phones.get(0).start(), 1e-9);
        for (int i = 1; i < phones.size(); i++) {
            assertEquals(phones.get(i - 1).end(), phones.get(i).start(), 1e-9, "gap or overlap at phone " + i);
        }
        List<String> symbols = phones.stream().map(PhoneTiming::phone).toList();
        assertTrue(symbols.containsAll(List.of("h", "l", "@U", "w", "r=", "d", "s", "t")), symbols.toString());
        assertEquals(audio.durationSeconds(), phones.get(phones.size() - 1).end(), 1e-9);

        // At its natural rate Mary's vocoder renders the durations it planned, to a few milliseconds.
        List<PhoneTiming> planned = raw.plan().naturalPhones();
        double lastEnd = planned.get(planned.size() - 1).end();
        assertEquals(raw.natural().durationSeconds(), lastEnd, 0.015);
    }

    @Test
    void timingsOfSeveralSentencesStayWithTheAudio() {
        for (Emotion emotion : List.of(Emotion.NEUTRAL, Emotion.SADNESS, Emotion.JOY)) {
            SpeechRequest request = new SpeechRequest(TWO_SENTENCES, Voice.DEFAULT, emotion, 1.0, Delivery.NORMAL);
            MaryTtsEngine.MarySpeech raw = engine.speak(request);
            List<PhoneTiming> planned = raw.plan().naturalPhones();
            double drift = raw.natural().durationSeconds() - planned.get(planned.size() - 1).end();
            LOG.info("{}: the vocoder's audio ends {} ms after the planned timings ({} s)", emotion,
                    Math.round(drift * 1000), raw.natural().durationSeconds());
            // Rendered at Mary's natural rate, the audio follows the plan to a few 5 ms vocoder frames (at a
            // changed rate Mary's own vocoder drifted up to 5%: see Prosody.tempo).
            assertEquals(0, drift, 0.015, emotion + ": vocoder audio vs planned timings");

            Utterance u = raw.utterance();
            double expected = raw.natural().durationSeconds() / Prosody.of(request).tempo();
            assertEquals(expected, u.durationSeconds(), 0.015, emotion + ": length at the emotion's tempo");
            assertPausesAreQuiet(u, emotion);
        }
    }

    @Test
    void timingWithoutTheVocoderIsTheSpeechsOwnToTheSample() {
        List<SpeechRequest> requests = List.of(
                SpeechRequest.of(TWO_SENTENCES, Voice.DEFAULT),
                new SpeechRequest(TWO_SENTENCES, Voice.DEFAULT, Emotion.SADNESS, 1.0, Delivery.NORMAL),
                new SpeechRequest(HELLO, Voice.DEFAULT, Emotion.JOY, 0.7, Delivery.SHOUT),
                new SpeechRequest(HELLO, Voice.DEFAULT, Emotion.FEAR, 0.9, Delivery.TREMBLING),
                new SpeechRequest(HELLO, Voice.DEFAULT, Emotion.TENDERNESS, 0.6, Delivery.WHISPER));
        for (SpeechRequest request : requests) {
            long t0 = System.nanoTime();
            Utterance timed = engine.time(request);
            long t1 = System.nanoTime();
            Utterance spoken = engine.synthesize(request);
            long t2 = System.nanoTime();
            LOG.info("{} / {}: {} s timed in {} ms, synthesised in {} ms", request.emotion(), request.delivery(),
                    spoken.durationSeconds(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            String what = request.emotion() + "/" + request.delivery();
            assertEquals(spoken.audio().frames(), timed.audio().frames(), what + ": length in samples");
            assertEquals(spoken.phones(), timed.phones(), what);
            assertEquals(spoken.words(), timed.words(), what);
            assertEquals(spoken.visemes(), timed.visemes(), what);
            assertEquals(0, timed.audio().peak(), what + ": timing only, no sound");
            assertTrue(spoken.audio().rms() > 0.01, what + ": rms " + spoken.audio().rms());
        }
    }

    /** Where the timings say "pause", the audio must be (nearly) silent: what lip sync relies on. */
    private static void assertPausesAreQuiet(Utterance u, Emotion emotion) {
        float[] s = u.audio().samples();
        int rate = u.audio().sampleRate();
        double speech = u.audio().rms();
        int checked = 0;
        for (int i = 1; i < u.phones().size() - 1; i++) {
            PhoneTiming p = u.phones().get(i);
            if (p.isSilence() && p.duration() > 0.15) {
                // The middle of the pause: its edges may hold the tails of the neighbouring phones.
                int from = (int) ((p.start() + 0.04) * rate);
                int to = (int) ((p.end() - 0.04) * rate);
                double sum = 0;
                for (int k = from; k < to; k++) {
                    sum += s[k] * (double) s[k];
                }
                double rms = Math.sqrt(sum / (to - from));
                assertTrue(rms < 0.1 * speech, emotion + ": pause " + p + " has rms " + rms + " vs " + speech);
                checked++;
            }
        }
        assertTrue(checked >= 1, emotion + ": no inner pause in " + u.phones());
    }

    @Test
    void whisperHasAlmostNoVoicedFrames() {
        double normal = SpeechMeasures.voicedRatio(say(HELLO).audio());
        double whisper = SpeechMeasures.voicedRatio(say(HELLO, Emotion.NEUTRAL, 0, Delivery.WHISPER).audio());
        LOG.info("Voiced frames: normal {}, whisper {}", normal, whisper);
        assertTrue(normal > 0.6, "normal speech voiced ratio " + normal);
        assertTrue(whisper < 0.25, "whisper voiced ratio " + whisper);
    }

    @Test
    void sadnessIsSlowerAndLowerThanNeutral() {
        Utterance neutral = say(HELLO);
        Utterance sad = say(HELLO, Emotion.SADNESS, 0.8, Delivery.NORMAL);
        assertTrue(sad.durationSeconds() > 1.1 * neutral.durationSeconds(),
                "sad " + sad.durationSeconds() + " s vs neutral " + neutral.durationSeconds() + " s");
        double neutralPitch = SpeechMeasures.medianPitch(neutral.audio());
        double sadPitch = SpeechMeasures.medianPitch(sad.audio());
        assertTrue(sadPitch < 0.95 * neutralPitch, "sad F0 " + sadPitch + " Hz vs neutral " + neutralPitch + " Hz");
    }

    @Test
    void joyIsFasterAndHigherThanNeutral() {
        Utterance neutral = say(HELLO);
        Utterance joy = say(HELLO, Emotion.JOY, 1.0, Delivery.NORMAL);
        assertTrue(joy.durationSeconds() < neutral.durationSeconds(), "joy " + joy.durationSeconds() + " s");
        assertTrue(SpeechMeasures.medianPitch(joy.audio()) > 1.05 * SpeechMeasures.medianPitch(neutral.audio()));
    }

    @Test
    void shoutIsLouderAndSoftIsQuieterWithoutClipping() {
        double normal = say(HELLO).audio().rms();
        PcmAudio shout = say(HELLO, Emotion.ANGER, 1.0, Delivery.SHOUT).audio();
        PcmAudio soft = say(HELLO, Emotion.NEUTRAL, 0, Delivery.SOFT).audio();
        assertTrue(shout.rms() > 1.6 * normal, "shout rms " + shout.rms() + " vs " + normal);
        assertTrue(shout.peak() < 1f, "shout peak " + shout.peak());
        assertTrue(soft.rms() < 0.75 * normal, "soft rms " + soft.rms() + " vs " + normal);
    }

    @Test
    void everyLineSpeaksAtOneLevelWithoutABurstAtItsStart() {
        // Seen: Mary opened "I am so sorry." with a 25 ms noise burst and scaled the line to its peak, which left the
        // speech 20 dB under every other line (and the mouth, following the voice's loudness, nearly shut).
        String[] lines = {"I am so sorry.", "Are you serious?", "Bring the checklist, the long one.",
            "Nobody told me anything!", "I am sorry."};
        double min = Double.MAX_VALUE;
        double max = 0;
        StringBuilder report = new StringBuilder();
        for (String line : lines) {
            PcmAudio a = say(line).audio();
            double level = SpeechLevel.of(a);
            float[] x = a.samples();
            int onset = a.sampleRate() * a.channels() * 3 / 100;
            double sum = 0;
            for (int i = 0; i < onset; i++) {
                sum += x[i] * (double) x[i];
            }
            double start = Math.sqrt(sum / onset);
            report.append(String.format(java.util.Locale.ROOT, "%n%-36s level %.3f, first 30 ms %.3f", line, level,
                    start));
            assertTrue(start < 0.5 * level, "a burst opens \"" + line + "\"" + report);
            min = Math.min(min, level);
            max = Math.max(max, level);
        }
        assertTrue(max < 1.41 * min, "lines' speech levels differ by more than 3 dB" + report);
    }

    @Test
    void bothSentencesOfALineAreHeard() {
        // Seen: "I am so sorry. I did not mean it." had its first sentence 20 dB under the second.
        Utterance u = say("I am so sorry. I did not mean it.");
        PhoneTiming pause = u.phones().stream().filter(PhoneTiming::isSilence)
                .filter(p -> p.start() > 0.3 && p.end() < u.durationSeconds() - 0.3)
                .max(java.util.Comparator.comparingDouble(p -> p.end() - p.start())).orElseThrow();
        PcmAudio a = u.audio();
        int cut0 = (int) (pause.start() * a.sampleRate()) * a.channels();
        int cut1 = (int) (pause.end() * a.sampleRate()) * a.channels();
        float[] x = a.samples();
        double first = SpeechLevel.of(new PcmAudio(java.util.Arrays.copyOfRange(x, 0, cut0), a.sampleRate(),
                a.channels()));
        double second = SpeechLevel.of(new PcmAudio(java.util.Arrays.copyOfRange(x, cut1, x.length),
                a.sampleRate(), a.channels()));
        assertTrue(first > 0.45 * second && second > 0.45 * first, "sentences' levels " + first + " and " + second);
    }

    @Test
    void tremblingShakesThePitchAtATremorRate() {
        String text = "I am so very cold, and I do not know where we are going now.";
        double steady = SpeechMeasures.pitchModulation(say(text).audio(), 5.5);
        double trembling = SpeechMeasures.pitchModulation(
                say(text, Emotion.FEAR, 0.7, Delivery.TREMBLING).audio(), 5.5);
        LOG.info("F0 modulation at 5.5 Hz: steady {}, trembling {}", steady, trembling);
        assertTrue(trembling > 0.04 && trembling > 3 * steady,
                "trembling " + trembling + " vs steady " + steady);
    }

    @Test
    void speaksTextWithXmlSpecialCharacters() {
        Utterance u = say("Tom & Jerry say \"<hello>\" to Bob's cat.");
        assertTrue(u.durationSeconds() > 1, "duration " + u.durationSeconds());
        assertTrue(u.phones().stream().filter(p -> !p.isSilence()).count() > 15, u.phones().toString());
    }

    @Test
    void rejectsOtherLanguagesNamingThem() {
        UnsupportedLanguageException e = assertThrows(UnsupportedLanguageException.class,
                () -> engine.synthesize(SpeechRequest.of("Bonjour", Voice.of("fr-FR"))));
        assertEquals("fr-FR", e.language());
        assertTrue(e.getMessage().contains("fr") && e.getMessage().contains("marytts: en"), e.getMessage());
    }

    @Test
    void rejectsTextWithoutWordsNamingIt() {
        for (String text : List.of("?!...", "", "  -- ")) {
            GagaException e = assertThrows(GagaException.class,
                    () -> engine.synthesize(SpeechRequest.of(text, Voice.DEFAULT)));
            assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
        }
    }

    @Test
    void rejectsAnUnknownVoiceNameListingTheInstalledOnes() {
        GagaException e = assertThrows(GagaException.class,
                () -> engine.synthesize(SpeechRequest.of("Hi", Voice.of("en-US", "marytts", "nobody"))));
        assertTrue(e.getMessage().contains("nobody") && e.getMessage().contains("cmu-slt-hsmm"), e.getMessage());
        assertEquals(Set.of("cmu-slt-hsmm"), engine.voices());
        assertTrue(say("Hi there.").durationSeconds() > 0.3);
    }

    @Test
    void concurrentCallersGetTheSameSpeechAsOneAtATime() throws Exception {
        Utterance plain = say(HELLO);
        Utterance whispered = say(HELLO, Emotion.NEUTRAL, 0, Delivery.WHISPER);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Utterance>> futures = pool.invokeAll(List.of(() -> say(HELLO), () -> say(HELLO),
                    () -> say(HELLO, Emotion.NEUTRAL, 0, Delivery.WHISPER)));
            List<Utterance> alone = List.of(plain, plain, whispered);
            for (int i = 0; i < futures.size(); i++) {
                Utterance u = futures.get(i).get();
                assertEquals(alone.get(i).audio().frames(), u.audio().frames(), "caller " + i);
                assertEquals(alone.get(i).phones(), u.phones(), "caller " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void leavesNoThreadsBehind() {
        say(TWO_SENTENCES);
        long before = marysThreads();
        for (Delivery d : Delivery.values()) {
            say(TWO_SENTENCES, Emotion.SADNESS, 0.5, d);
        }
        // Mary's timing outputs (REALISED_*) would leave a blocked vocoder thread per sentence.
        assertEquals(before, marysThreads(), "threads in MaryTTS's thread group");
    }

    private static long marysThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getThreadGroup() != null && t.getThreadGroup().getName().equals("marytts")).count();
    }

    @Test
    void isFasterThanRealTime() {
        String text = "The quick brown fox jumps over the lazy dog, and then it runs into the dark forest.";
        say(text); // warm-up: the first sentence of a JVM pays for class loading and JIT
        long t0 = System.nanoTime();
        MaryTtsEngine.MarySpeech u = engine.speak(SpeechRequest.of(text, Voice.DEFAULT));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rtf = seconds / u.utterance().durationSeconds();
        LOG.info(String.format(Locale.ROOT, "MaryTTS start-up %d ms; %.2f s of speech in %.3f s: real-time factor"
                + " %.3f (%.1fx faster than real time); the voice speaks at %d Hz", engine.startupMillis(),
                u.utterance().durationSeconds(), seconds, rtf, 1 / rtf, u.voiceRate()));
        assertTrue(rtf < 1, "real-time factor " + rtf);
    }

    @Test
    void isFoundThroughServiceLoader() {
        SpeechEngineFactory mary = ServiceLoader.load(SpeechEngineFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("marytts")).findFirst().orElseThrow();
        assertTrue(mary instanceof MaryTtsEngineFactory);
        assertEquals(Set.of("en"), mary.languages());
        assertEquals(10, mary.priority());
        assertTrue(mary.isAvailable());
        assertFalse(mary.languages().contains("fr"));
    }
}
