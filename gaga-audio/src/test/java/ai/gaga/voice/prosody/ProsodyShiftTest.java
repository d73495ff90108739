package ai.gaga.voice.prosody;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Voice;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.onnx.SpeechPace;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one emotion/delivery table, scaled by intensity, and the neural voices' pace read from it. */
class ProsodyShiftTest {
    @Test
    void intensityScalesEveryChangeFromNone() {
        ProsodyShift half = ProsodyShift.of(Emotion.SADNESS, 0.5);
        assertEquals(-12.5, half.rate(), 1e-9);
        assertEquals(-6, half.pitch(), 1e-9);
        assertEquals(0.9, half.gain(), 1e-9);
        assertEquals(ProsodyShift.NONE, ProsodyShift.of(Emotion.ANGER, 0));
        for (Emotion e : Emotion.values()) {
            ProsodyShift full = ProsodyShift.of(e, 1);
            assertEquals(ProsodyShift.of(e), full);
        }
    }

    @Test
    void theFeelingsPointTheWayTheyShould() {
        assertTrue(ProsodyShift.of(Emotion.SADNESS).rate() < 0 && ProsodyShift.of(Emotion.SADNESS).pitch() < 0);
        assertTrue(ProsodyShift.of(Emotion.JOY).rate() > 0 && ProsodyShift.of(Emotion.JOY).pitch() > 0);
        assertTrue(ProsodyShift.of(Delivery.SHOUT).gain() > 1 && ProsodyShift.of(Delivery.WHISPER).gain() < 1);
    }

    @Test
    void neuralVoicesTakeTheTablesRateAndAQuieterGainOnly() {
        SpeechPace sad = SpeechPace.of(new SpeechRequest("x", Voice.DEFAULT, Emotion.SADNESS, 1, Delivery.WHISPER));
        assertEquals(1 + (-25 - 8) / 100.0, sad.speed(), 1e-9);
        assertEquals(0.8 * 0.5, sad.gain(), 1e-9);
        SpeechPace shout = SpeechPace.of(new SpeechRequest("x", Voice.DEFAULT, Emotion.ANGER, 1, Delivery.SHOUT));
        assertEquals(1, shout.gain(), 1e-9, "louder is left to the mix");
    }
}
