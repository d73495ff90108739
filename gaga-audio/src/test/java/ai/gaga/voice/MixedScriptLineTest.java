package ai.gaga.voice;

import ai.gaga.UnsupportedLanguageException;
import ai.gaga.scene.Line;
import ai.gaga.scene.Voice;
import ai.gaga.voice.espeak.EspeakEngine;
import ai.gaga.voice.marytts.MaryTtsEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A line that switches writing system, spoken by the real voices: MaryTTS for the English runs, espeak-ng (through
 * pinyin) for the Chinese one, joined as one line.
 */
class MixedScriptLineTest {
    static final String MIXED = "I told her: 我今天很高兴见到你。 Then she left.";
    static final String ENGLISH_ONLY = "I told her: Then she left.";
    static SpeechEngine mary;
    static SpeechEngine espeak;

    @BeforeAll
    static void start() {
        mary = MaryTtsEngine.start();
        espeak = EspeakEngine.create();
    }

    @AfterAll
    static void stop() {
        mary.close();
        espeak.close();
    }

    private static SpeechEngine engineFor(Voice v) {
        return v.primaryLanguage().equals("zh") ? espeak : mary;
    }

    @Test
    void theChineseRunIsSpokenByAChineseVoiceInsideTheLine() {
        // Seen failing before LineVoices.runs: MaryTTS got the whole line, logged "Cannot syllabify" and spoke the
        // line as long as ENGLISH_ONLY (the Chinese words dropped without a word).
        Line mixed = Line.of("maya", MIXED);
        Utterance u = LineSpeaker.speakInVoices(MixedScriptLineTest::engineFor, mixed, Voice.DEFAULT);
        Utterance english = LineSpeaker.speakInVoices(MixedScriptLineTest::engineFor, Line.of("maya", ENGLISH_ONLY),
                Voice.DEFAULT);
        assertEquals("marytts+espeak", u.engine());
        // nine characters at espeak's ~4 per second
        assertTrue(u.durationSeconds() > english.durationSeconds() + 1.2, u.durationSeconds() + " vs "
                + english.durationSeconds());
        // the Chinese words are timed and voiced: loud audio between "her:" and "Then"
        WordTiming her = u.words().stream().filter(w -> w.word().startsWith("her")).findFirst().orElseThrow();
        WordTiming then = u.words().stream().filter(w -> w.word().equals("Then")).findFirst().orElseThrow();
        assertTrue(then.start() - her.end() > 1.2, her + " .. " + then);
        assertTrue(rms(u, her.end() + 0.2, then.start() - 0.2) > 0.02, "the Chinese run is voiced");
        // and the timing-only pass gives the same length (plan = render)
        Utterance timed = LineSpeaker.timeInVoices(MixedScriptLineTest::engineFor, mixed, Voice.DEFAULT);
        assertEquals(u.durationSeconds(), timed.durationSeconds(), 0.02);
    }

    @Test
    void aRunNoEngineSpeaksIsLeftOutWithAWarningNotAFailure() {
        Function<Voice, SpeechEngine> noChinese = v -> {
            if (v.primaryLanguage().equals("zh")) {
                throw new UnsupportedLanguageException("zh", List.of("en"));
            }
            return mary;
        };
        Utterance u = LineSpeaker.speakInVoices(noChinese, Line.of("maya", MIXED), Voice.DEFAULT);
        assertEquals("marytts", u.engine());
        assertTrue(u.words().stream().anyMatch(w -> w.word().equals("Then")), u.words().toString());
    }

    private static double rms(Utterance u, double from, double to) {
        float[] s = u.audio().samples();
        int a = (int) (from * u.audio().sampleRate());
        int b = Math.min(s.length, (int) (to * u.audio().sampleRate()));
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += s[i] * (double) s[i];
        }
        return Math.sqrt(sum / Math.max(1, b - a));
    }
}
