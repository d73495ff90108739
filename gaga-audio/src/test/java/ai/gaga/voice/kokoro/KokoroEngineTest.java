package ai.gaga.voice.kokoro;

import ai.gaga.GagaException;
import ai.gaga.audio.PcmAudio;
import ai.gaga.models.ModelStore;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.scene.Voice;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kokoro's contract on a generated graph whose output reveals the token count, the style row and the speed. */
class KokoroEngineTest {
    @TempDir
    static Path dir;
    private static OnnxSessions sessions;
    private static KokoroEngine engine;

    @BeforeAll
    static void setUp() throws IOException {
        sessions = new OnnxSessions(ExecutionDevice.CPU, 1);
        Path model = Files.write(dir.resolve("kokoro.onnx"), TinyKokoro.model(true));
        Path voice = TinyKokoro.voice(dir.resolve("test_voice.bin"));
        engine = new KokoroEngine(store(model, voice), sessions);
    }

    private static ModelStore store(Path model, Path voice) {
        return ModelStore.builder().modelDir(null).cacheDir(dir.resolve("cache")).offline(true)
                .model(ai.gaga.voice.onnx.VoiceModels.KOKORO_MODEL, model)
                .model(ai.gaga.voice.onnx.VoiceModels.KOKORO_VOICE_PREFIX + "af_test", voice)
                .model(ai.gaga.voice.onnx.VoiceModels.KOKORO_VOICE_PREFIX + "bf_test", voice).build();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
        sessions.close();
    }

    private static SpeechRequest request(String text, String voice) {
        return SpeechRequest.of(text, Voice.kokoro(voice));
    }

    /** Ids the graph received (tokens + 2 pads), read back from the 24 kHz length of the output. */
    private static int idsSeen(Utterance u, float speed) {
        double samples24k = u.durationSeconds() * KokoroEngine.SAMPLE_RATE;
        return (int) Math.round(samples24k * speed / TinyKokoro.SAMPLES_PER_ID);
    }

    @Test
    void theStyleRowIsChosenByTheNumberOfTokens() {
        for (String text : new String[] {"Hi.", "Hello world, this is a much longer line of speech."}) {
            Utterance u = engine.synthesize(request(text, "af_test"));
            int tokens = idsSeen(u, 1f) - 2;
            assertTrue(tokens > 1, text);
            // Amplitude = style[0] of the row used; the peak of a sine resampled to 48 kHz is its amplitude.
            assertEquals(TinyKokoro.amplitude(tokens), u.audio().peak(), TinyKokoro.amplitude(tokens) * 0.02,
                    text + ": " + tokens + " tokens");
            assertNotEquals(TinyKokoro.amplitude(tokens + 2), u.audio().peak(), 1e-4);
        }
    }

    @Test
    void speedChangesTheDuration() {
        SpeechRequest r = request("Speed changes the duration.", "af_test");
        Utterance normal = engine.synthesize(r);
        Utterance fast = engine.synthesize(r, 2f);
        Utterance slow = engine.synthesize(r, 0.5f);
        assertEquals(0.5, fast.durationSeconds() / normal.durationSeconds(), 0.01);
        assertEquals(2.0, slow.durationSeconds() / normal.durationSeconds(), 0.01);
        assertEquals(idsSeen(normal, 1f), idsSeen(fast, 2f));
    }

    @Test
    void joyfulLinesAreFaster() {
        Utterance neutral = engine.synthesize(request("Happy days are here.", "af_test"));
        Utterance joyful = engine.synthesize(new SpeechRequest("Happy days are here.", Voice.kokoro("af_test"),
                ai.gaga.scene.Emotion.JOY, 1.0, ai.gaga.scene.Delivery.NORMAL));
        assertEquals(1 / 1.12, joyful.durationSeconds() / neutral.durationSeconds(), 0.01);
    }

    @Test
    void outputIsMono48kHzWithContiguousPhones() {
        Utterance u = engine.synthesize(request("Hello there.", "af_test"));
        assertEquals(PcmAudio.STANDARD_RATE, u.audio().sampleRate());
        assertEquals(1, u.audio().channels());
        assertEquals("kokoro", u.engine());
        assertEquals(0, u.phones().get(0).start());
        assertEquals(u.durationSeconds(), u.phones().get(u.phones().size() - 1).end(), 1e-6);
        for (int i = 1; i < u.phones().size(); i++) {
            assertEquals(u.phones().get(i - 1).end(), u.phones().get(i).start(), 1e-9);
        }
        assertTrue(u.phones().stream().filter(p -> !p.isSilence()).count() >= 6, u.phones().toString());
        // Vowels get about twice a consonant's time.
        PhoneTiming vowel = u.phones().stream().filter(p -> p.phone().startsWith("ɛ")).findFirst().orElseThrow();
        PhoneTiming consonant = u.phones().stream().filter(p -> p.phone().equals("l")).findFirst().orElseThrow();
        assertEquals(2.0, vowel.duration() / consonant.duration(), 0.01);
    }

    @Test
    void aMissingVoiceListsTheVoicesThereAre() {
        GagaException e = assertThrows(GagaException.class, () -> engine.synthesize(request("Hi.", "af_nobody")));
        assertTrue(e.getMessage().contains("af_nobody"), e.getMessage());
        assertTrue(e.getMessage().contains("af_test") && e.getMessage().contains("bf_test")
                && e.getMessage().contains("af_heart"), e.getMessage());
    }

    @Test
    void aGraphWithoutTheSpeedInputIsAClearError() throws IOException {
        Path model = Files.write(dir.resolve("no-speed.onnx"), TinyKokoro.model(false));
        try (OnnxSessions own = new OnnxSessions(ExecutionDevice.CPU, 1)) {
            KokoroEngine broken = new KokoroEngine(store(model, dir.resolve("test_voice.bin")), own);
            GagaException e = assertThrows(GagaException.class, () -> broken.synthesize(request("Hi.", "af_test")));
            assertTrue(e.getMessage().contains("no-speed.onnx") && e.getMessage().contains("speed"), e.getMessage());
        }
    }

    @Test
    void espeakAffricatesBecomeKokorosLigatures() {
        assertEquals("ʧˈɜːʧ ʤˈʌʤ", KokoroTokenizer.normalize("tʃˈɜːtʃ dʒˈʌdʒ"));
        assertEquals("kˈæts", KokoroTokenizer.normalize("kˈæts"));
        assertEquals("ʦa", KokoroTokenizer.normalize("t\u0361sa"));
    }
}
