package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GainTest {
    @Test
    void quietSignalsAreScaledExactly() {
        PcmAudio out = Gain.apply(new PcmAudio(new float[] {0.1f, -0.2f, 0.3f}, 48000, 1), 2);
        assertEquals(0.2f, out.samples()[0], 1e-6f);
        assertEquals(-0.4f, out.samples()[1], 1e-6f);
        assertEquals(0.6f, out.samples()[2], 1e-6f);
    }

    @Test
    void peaksBendBelowTheCeilingWithoutAKink() {
        PcmAudio out = Gain.apply(new PcmAudio(new float[] {0.9f, -5f}, 48000, 1), 2);
        assertTrue(out.samples()[0] > 0.8f && out.samples()[0] < Gain.CEILING, "" + out.samples()[0]);
        assertTrue(out.samples()[1] >= -Gain.CEILING - 1e-6, "" + out.samples()[1]);
        // Monotonic and continuous with slope 1 at the knee.
        double below = Gain.softLimit(Gain.KNEE - 1e-6);
        double above = Gain.softLimit(Gain.KNEE + 1e-6);
        assertEquals(2e-6, above - below, 1e-9);
        double previous = 0;
        for (double x = 0; x < 10; x += 0.01) {
            double y = Gain.softLimit(x);
            assertTrue(y >= previous && y <= Gain.CEILING);
            previous = y;
        }
    }

    @Test
    void refusesNegativeGain() {
        assertThrows(IllegalArgumentException.class, () -> Gain.apply(new PcmAudio(new float[1], 48000, 1), -1));
    }
}
