package ai.gaga.voice.marytts;

import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.scene.Voice;
import ai.gaga.testing.Fixtures;
import ai.gaga.voice.LineSpeaker;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole line timed without the vocoder ({@link LineSpeaker#time}) has exactly the timing of the same line spoken:
 * what lets {@code Gaga.plan} and {@code gaga analyze} give the render's plan without synthesising the speech.
 */
class MaryLineTimingTest {
    private static MaryTtsEngine engine;

    @BeforeAll
    static void startMary() {
        engine = MaryTtsEngine.start();
    }

    @AfterAll
    static void stopMary() {
        engine.close();
    }

    @Test
    void pausesLaughsTurnsAndLongLinesAreTimedAsSpoken() {
        Scene scene = Scene.parse("MAYA\n(whispers) I have to go now. [pause 700ms] Goodbye! [laughs] "
                        + "You were always like that, you know, laughing at the worst moments, and I loved it, I "
                        + "really did, even when the trains were late and the rain would not stop, even then, "
                        + "every single day of that long and wonderful summer by the sea, when we were young.\n",
                Map.of("MAYA", Fixtures.graceHopper()));
        String text = "I was so happy and then you left me.";
        int turn = text.indexOf("and then");
        Line turning = Line.of("maya", text).withInferredEmotion(Emotion.SADNESS, 0.7, new EmotionArc(List.of(
                new EmotionArc.Segment(0, turn, Emotion.JOY, 0.8),
                new EmotionArc.Segment(turn, text.length(), Emotion.SADNESS, 0.7))));
        for (Line line : List.of(scene.lines().get(0), turning)) {
            Utterance timed = LineSpeaker.time(engine, line, Voice.DEFAULT);
            Utterance spoken = LineSpeaker.speak(engine, line, Voice.DEFAULT);
            assertEquals(spoken.audio().frames(), timed.audio().frames(), line.text());
            assertEquals(spoken.phones(), timed.phones(), line.text());
            assertEquals(spoken.words(), timed.words(), line.text());
            assertEquals(spoken.visemes(), timed.visemes(), line.text());
            assertTrue(spoken.audio().rms() > 0.01, "the spoken line is heard: " + spoken.audio().rms());
        }
        assertTrue(scene.lines().get(0).text().length() > LineSpeaker.MAX_PIECE, "the line is long enough to split");
    }
}
