package ai.gaga.voice.marytts;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Voice;
import ai.gaga.voice.SpeechRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProsodyTest {
    private static Prosody of(Emotion emotion, double intensity, Delivery delivery) {
        return Prosody.of(new SpeechRequest("x", Voice.DEFAULT, emotion, intensity, delivery));
    }

    @Test
    void neutralNormalChangesNothing() {
        assertEquals(Prosody.NEUTRAL, of(Emotion.NEUTRAL, 0, Delivery.NORMAL));
        assertEquals(Prosody.NEUTRAL, of(Emotion.ANGER, 0, Delivery.NORMAL), "intensity 0 is neutral");
        assertTrue(!Prosody.NEUTRAL.changesPitch());
    }

    @Test
    void sadnessIsSlowerLowerAndFlatterTheStrongerItIs() {
        Prosody mild = of(Emotion.SADNESS, 0.3, Delivery.NORMAL);
        Prosody deep = of(Emotion.SADNESS, 1.0, Delivery.NORMAL);
        assertTrue(mild.ratePercent() < 0 && deep.ratePercent() < mild.ratePercent());
        assertTrue(mild.pitchPercent() < 0 && deep.pitchPercent() < mild.pitchPercent());
        assertTrue(deep.rangePercent() < 0);
    }

    @Test
    void angerAndJoyAreFasterHigherAndWider() {
        for (Emotion e : new Emotion[] {Emotion.ANGER, Emotion.JOY}) {
            Prosody p = of(e, 0.8, Delivery.NORMAL);
            assertTrue(p.ratePercent() > 0 && p.pitchPercent() > 0 && p.rangePercent() > 0, e + ": " + p);
        }
    }

    @Test
    void deliveriesMapToEffectsGainAndTremor() {
        assertEquals("Whisper(amount:100.0)", of(Emotion.NEUTRAL, 0, Delivery.WHISPER).effects());
        Prosody shout = of(Emotion.NEUTRAL, 0, Delivery.SHOUT);
        assertEquals(2.0, shout.gain());
        assertTrue(shout.pitchPercent() > 0);
        assertNull(shout.effects(), "Mary's Volume effect clips and prints; the gain is applied in Java");
        assertEquals(0.6, of(Emotion.NEUTRAL, 0, Delivery.SOFT).gain());
        assertTrue(of(Emotion.FEAR, 0.5, Delivery.TREMBLING).tremor() > 0);
        assertEquals(0, of(Emotion.FEAR, 0.5, Delivery.NORMAL).tremor());
    }

    @Test
    void extremesAreClamped() {
        Prosody p = new Prosody(-500, 500, 500, null, 100, 5);
        assertEquals(-50, p.ratePercent());
        assertEquals(80, p.pitchPercent());
        assertEquals(150, p.rangePercent());
        assertEquals(4, p.gain());
        assertEquals(0.2, p.tremor());
        assertEquals("+80%", Prosody.percent(p.pitchPercent()));
    }

    @Test
    void theRateIsATempoThatScalesTheLengthAsMaryWould() {
        assertEquals(1, Prosody.NEUTRAL.tempo());
        // -25%: a quarter longer; +20%: a fifth shorter
        assertEquals(1.25, 1 / new Prosody(-25, 0, 0, null, 1, 0).tempo(), 1e-12);
        assertEquals(0.8, 1 / new Prosody(20, 0, 0, null, 1, 0).tempo(), 1e-12);
        assertTrue(of(Emotion.SADNESS, 1, Delivery.NORMAL).tempo() < 1);
        assertTrue(of(Emotion.JOY, 1, Delivery.NORMAL).tempo() > 1);
        assertEquals(2, new Prosody(500, 0, 0, null, 1, 0).tempo(), 1e-12, "clamped to twice as fast");
    }
}
