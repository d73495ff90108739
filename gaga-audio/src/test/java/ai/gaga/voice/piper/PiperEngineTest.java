package ai.gaga.voice.piper;

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
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Piper's contract on a generated model whose every phoneme id is a tone of its own lasting its w_ceil frames. */
class PiperEngineTest {
    private static final double HOP = 256.0 / TinyPiper.RATE;
    private static final String TEXT = "Hello world, this is a test.";

    @TempDir
    static Path dir;
    private static OnnxSessions sessions;
    private static PiperEngine engine;

    @BeforeAll
    static void setUp() throws IOException {
        sessions = new OnnxSessions(ExecutionDevice.CPU, 1);
        ModelStore.Builder store = ModelStore.builder().modelDir(null).cacheDir(dir.resolve("cache")).offline(true);
        byte[] single = TinyPiper.model(new float[] {0.5f}, true);
        TinyPiper.install(store, dir, "tiny", single, TinyPiper.config(1f, 1, Map.of()));
        TinyPiper.install(store, dir, "tiny-slow", single, TinyPiper.config(2f, 1, Map.of()));
        TinyPiper.install(store, dir, "tiny-multi", TinyPiper.model(new float[] {0.5f, 0.25f}, true),
                TinyPiper.config(1f, 2, Map.of()));
        TinyPiper.install(store, dir, "bad-ids", single, TinyPiper.config(1f, 1, Map.of("ʘ", 500L)));
        TinyPiper.install(store, dir, "bad-speakers", single, TinyPiper.config(1f, 3, Map.of()));
        TinyPiper.install(store, dir, "bad-inputs", TinyPiper.model(new float[] {0.5f}, false),
                TinyPiper.config(1f, 1, Map.of()));
        engine = new PiperEngine(store.build(), sessions);
    }

    @AfterAll
    static void tearDown() {
        engine.close();
        sessions.close();
    }

    private static Utterance speak(String voice, String text) {
        return engine.synthesize(SpeechRequest.of(text, Voice.of("en-US", "piper", voice)));
    }

    @Test
    void durationsComeFromTheGraphsCeilTensor() {
        assertTrue(engine.voice("tiny").hasDurations());
    }

    @Test
    void outputIsMono48kHzAndTheWholeOfTheGraphsAudio() {
        Utterance u = speak("tiny", TEXT);
        assertEquals(PcmAudio.STANDARD_RATE, u.audio().sampleRate());
        assertEquals(1, u.audio().channels());
        assertEquals("piper", u.engine());
        double spanned = u.phones().get(u.phones().size() - 1).end();
        assertEquals(u.durationSeconds(), spanned, 1.0 / PcmAudio.STANDARD_RATE * 2);
        assertEquals(0, u.phones().get(0).start());
        for (int i = 1; i < u.phones().size(); i++) {
            assertEquals(u.phones().get(i - 1).end(), u.phones().get(i).start(), 1e-9, "contiguous at " + i);
        }
        // The tone peak is the graph's gain 0.5, plus the Gibbs overshoot (~9%) of band-limited resampling at the
        // tones' hard onsets.
        assertEquals(0.52, u.audio().peak(), 0.05);
    }

    @Test
    void phoneTimingsMatchTheAudibleToneBoundariesWithinOneHop() {
        Utterance u = speak("tiny", TEXT);
        List<Double> onsets = onsets(u.audio());
        List<PhoneTiming> sounds = u.phones().stream().filter(p -> !p.isSilence()).toList();
        assertTrue(sounds.size() >= 15, "phones of '" + TEXT + "': " + u.phones());
        assertTrue(u.phones().stream().anyMatch(PhoneTiming::isSilence), "comma and ends are pauses");
        for (PhoneTiming p : sounds) {
            double nearest = onsets.stream().mapToDouble(o -> Math.abs(o - p.start())).min().orElse(1e9);
            assertTrue(nearest <= HOP, p + " starts " + nearest * 1000 + " ms from the nearest audible onset");
            // Right after its start the phone sounds its own tone: the id of its first code point.
            long id = TinyPiper.IDS.get(new String(Character.toChars(
                    Normalizer.normalize(p.phone(), Normalizer.Form.NFD).codePointAt(0))));
            double expected = TinyPiper.frequency(id);
            double measured = frequency(u.audio(), p.start() + 0.5 * HOP, p.start() + 2.5 * HOP);
            assertEquals(expected, measured, expected * 0.1, p + " should sound id " + id);
        }
        // Every audible onset is a phone's start or a modifier's (ː) inside a phone.
        for (double onset : onsets) {
            boolean atStart = sounds.stream().anyMatch(p -> Math.abs(p.start() - onset) <= HOP);
            boolean inside = sounds.stream().anyMatch(p -> onset > p.start() && onset < p.end());
            assertTrue(atStart || inside, "onset at " + onset + " s belongs to no phone");
        }
    }

    @Test
    void wordsAreTheRunsOfPhonesBetweenThePhonemeStringsSpaces() {
        Utterance u = speak("tiny", TEXT);
        assertEquals(ai.gaga.voice.WordTiming.words(TEXT).size(), u.words().size(), u.words().toString());
        for (int i = 0; i < u.words().size(); i++) {
            ai.gaga.voice.WordTiming w = u.words().get(i);
            assertTrue(w.end() > w.start() && (i == 0 || w.start() >= u.words().get(i - 1).end() - 1e-9), "" + w);
            assertTrue(u.phones().stream().anyMatch(p -> !p.isSilence() && p.start() == w.start()), "" + w);
        }
    }

    @Test
    void lengthScaleStretchesEveryPhone() {
        Utterance normal = speak("tiny", TEXT);
        Utterance slow = speak("tiny-slow", TEXT);
        assertEquals(2.0, slow.durationSeconds() / normal.durationSeconds(), 0.01);
        assertEquals(normal.phones().size(), slow.phones().size());
        for (int i = 0; i < normal.phones().size(); i++) {
            assertEquals(normal.phones().get(i).phone(), slow.phones().get(i).phone());
            assertEquals(2 * normal.phones().get(i).duration(), slow.phones().get(i).duration(), HOP,
                    "phone " + i + " " + normal.phones().get(i));
        }
    }

    @Test
    void sadnessSlowsTheVoiceThroughTheLengthScaleAndSoftensIt() {
        Utterance neutral = speak("tiny", TEXT);
        Utterance sad = engine.synthesize(new SpeechRequest(TEXT, Voice.of("en-US", "piper", "tiny"),
                ai.gaga.scene.Emotion.SADNESS, 1.0, ai.gaga.scene.Delivery.NORMAL));
        // length_scale 1/0.75: every id's frames ceil(f * 1.333) instead of f, so at least 1.33x longer.
        double ratio = sad.durationSeconds() / neutral.durationSeconds();
        assertTrue(ratio > 1.3 && ratio < 1.5, "ratio " + ratio);
        assertEquals(0.8, sad.audio().rms() / neutral.audio().rms(), 0.03);
    }

    @Test
    void sidSelectsTheSpeaker() {
        Utterance first = speak("tiny-multi#speaker0", TEXT);
        Utterance second = speak("tiny-multi#speaker1", TEXT);
        Utterance byNumber = speak("tiny-multi#1", TEXT);
        assertEquals(first.durationSeconds(), second.durationSeconds(), 1e-9);
        assertEquals(0.5, second.audio().rms() / first.audio().rms(), 0.01);
        assertEquals(second.audio().rms(), byNumber.audio().rms(), 1e-6);
        GagaException e = assertThrows(GagaException.class, () -> speak("tiny-multi#nobody", TEXT));
        assertTrue(e.getMessage().contains("speaker0") && e.getMessage().contains("speaker1"), e.getMessage());
    }

    @Test
    void phonemeIdsBeyondTheGraphsTableAreAClearErrorNamingBothFiles() {
        GagaException e = assertThrows(GagaException.class, () -> engine.voice("bad-ids"));
        assertTrue(e.getMessage().contains("bad-ids.onnx") && e.getMessage().contains("bad-ids.onnx.json"),
                e.getMessage());
        assertTrue(e.getMessage().contains("500") && e.getMessage().contains("rows"), e.getMessage());
    }

    @Test
    void aMultiSpeakerConfigOnASingleSpeakerGraphIsAClearError() {
        GagaException e = assertThrows(GagaException.class, () -> engine.voice("bad-speakers"));
        assertTrue(e.getMessage().contains("'sid'") && e.getMessage().contains("bad-speakers.onnx.json"),
                e.getMessage());
    }

    @Test
    void aGraphWithoutTheScalesInputIsAClearError() {
        GagaException e = assertThrows(GagaException.class, () -> engine.voice("bad-inputs"));
        assertTrue(e.getMessage().contains("'scales'") && e.getMessage().contains("bad-inputs.onnx"), e.getMessage());
    }

    @Test
    void anUnknownVoiceNamesTheModelIdsToSupply() {
        GagaException e = assertThrows(GagaException.class, () -> speak("xx_XX-nobody-low", "Hi."));
        assertTrue(e.getMessage().contains("voice/piper/xx_XX-nobody-low"), e.getMessage());
        assertFalse(engine.voice("tiny").config().multiSpeaker());
    }

    /** Starts of sound after at least 10 ms of silence, in seconds (1 ms RMS frames). */
    private static List<Double> onsets(PcmAudio audio) {
        int frame = audio.sampleRate() / 1000;
        float[] s = audio.samples();
        List<Double> out = new ArrayList<>();
        int quiet = 10;
        for (int f = 0; (f + 1) * frame <= s.length; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sum += s[i] * (double) s[i];
            }
            double rms = Math.sqrt(sum / frame);
            if (rms > 0.05) {
                if (quiet >= 10) {
                    out.add(f / 1000.0);
                }
                quiet = 0;
            } else if (rms < 0.01) {
                quiet++;
            }
        }
        return out;
    }

    /** Frequency from zero crossings between two times. */
    private static double frequency(PcmAudio audio, double from, double to) {
        int a = (int) Math.round(from * audio.sampleRate());
        int b = (int) Math.round(to * audio.sampleRate());
        float[] s = audio.samples();
        int crossings = 0;
        int first = -1;
        int last = -1;
        for (int i = a + 1; i < b; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (crossings < 2) {
            return 0;
        }
        return (crossings - 1) / 2.0 / ((last - first) / (double) audio.sampleRate());
    }
}
