package ai.gaga.voice.marytts;

import ai.gaga.scene.Voice;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.WordTiming;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Word timings from the real MaryTTS: its tokens' phones. */
class MaryWordsTest {
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

    @Test
    void wordsAreMarysTokensTimedByTheirPhones() {
        String text = "I have to go now. Goodbye, my friend.";
        Utterance u = engine.synthesize(SpeechRequest.of(text, Voice.DEFAULT));
        assertEquals(List.of("I", "have", "to", "go", "now", "Goodbye", "my", "friend"),
                u.words().stream().map(WordTiming::word).toList(), "punctuation tokens have no phones");
        assertEquals(WordTiming.words(text).size(), u.words().size());
        double last = 0;
        for (WordTiming w : u.words()) {
            assertTrue(w.start() >= last - 1e-9 && w.end() > w.start() && w.end() <= u.durationSeconds() + 1e-9,
                    u.words().toString());
            assertTrue(u.phones().stream().anyMatch(p -> !p.isSilence() && Math.abs(p.start() - w.start()) < 1e-9),
                    w.toString());
            last = w.end();
        }
        PhoneTiming pause = u.phones().stream().filter(p -> p.isSilence() && p.start() > 0.2 && p.duration() > 0.1)
                .findFirst().orElseThrow();
        assertTrue(u.words().get(4).end() <= pause.start() + 1e-9 && u.words().get(5).start() >= pause.end() - 1e-9,
                u.words() + " around " + pause);
    }
}
