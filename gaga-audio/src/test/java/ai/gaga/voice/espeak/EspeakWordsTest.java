package ai.gaga.voice.espeak;

import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.scene.Voice;
import ai.gaga.voice.LineSpeaker;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.WordTiming;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Word timings from the real espeak-ng: its IPA words over the aligned phones. */
class EspeakWordsTest {
    private static final EspeakEngine ENGINE = EspeakEngine.create();

    @Test
    void wordsFollowTheIpaWordsAndTheAlignedPhones() {
        String text = "I have to go now. Goodbye, my friend.";
        Utterance u = ENGINE.synthesize(SpeechRequest.of(text, Voice.of("en")));
        assertEquals(WordTiming.words(text).size(), u.words().size(), u.words().toString());
        assertEquals("ɡʊdbaɪ", u.words().get(5).word());
        double last = 0;
        for (WordTiming w : u.words()) {
            assertTrue(w.start() >= last - 1e-9 && w.end() > w.start() && w.end() <= u.durationSeconds() + 1e-9,
                    u.words().toString());
            // each word starts with one of its phones, never inside a pause
            assertTrue(u.phones().stream().anyMatch(p -> !p.isSilence() && Math.abs(p.start() - w.start()) < 1e-9),
                    w.toString());
            last = w.end();
        }
        // the sentence pause falls between "now." and "Goodbye,"
        PhoneTiming pause = u.phones().stream().filter(p -> p.isSilence() && p.start() > 0.2 && p.duration() > 0.1)
                .findFirst().orElseThrow();
        assertTrue(u.words().get(4).end() <= pause.start() + 1e-9 && u.words().get(5).start() >= pause.end() - 1e-9,
                u.words() + " around " + pause);
    }

    @Test
    void aTurningLineSpokenByEspeakHasTheTextsWordsInOrder() {
        String text = "I was so happy and then you left me.";
        int turn = text.indexOf("and then");
        Line line = Line.of("maya", text).withInferredEmotion(Emotion.SADNESS, 0.7, new EmotionArc(List.of(
                new EmotionArc.Segment(0, turn, Emotion.JOY, 0.8),
                new EmotionArc.Segment(turn, text.length(), Emotion.SADNESS, 0.7))));
        Utterance u = LineSpeaker.speak(ENGINE, line, Voice.of("en"));
        assertEquals(WordTiming.words(text), u.words().stream().map(WordTiming::word).toList());
        double turnTime = u.timeOf(text, turn);
        assertTrue(turnTime > 0.3 && turnTime < u.durationSeconds() - 0.3, "turn heard at " + turnTime);
        for (int i = 1; i < u.words().size(); i++) {
            assertTrue(u.words().get(i).start() >= u.words().get(i - 1).end() - 1e-9, u.words().toString());
        }
    }
}
