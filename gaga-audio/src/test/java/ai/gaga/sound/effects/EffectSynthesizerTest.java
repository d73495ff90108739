package ai.gaga.sound.effects;

import ai.gaga.audio.PcmAudio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EffectSynthesizerTest {
    private final EffectSynthesizer synth = new EffectSynthesizer();

    @Test
    void everyEffectHasItsLengthPeakAndIsRepeatable() {
        for (SoundEffect e : SoundEffect.values()) {
            PcmAudio a = synth.synthesize(e, 1);
            assertEquals(Math.round(e.seconds() * PcmAudio.STANDARD_RATE), a.frames(), e.name());
            assertEquals(EffectSynthesizer.PEAK, a.peak(), 1e-4, e.name());
            assertArrayEquals(a.samples(), synth.synthesize(e, 1).samples(), e.name());
            float[] s = a.samples();
            assertTrue(Math.abs(s[s.length - 1]) < 1e-3, e + " ends without a click");
        }
    }

    @Test
    void heartbeatAndFootstepsArePulsesPhoneRingsInBursts() {
        assertEquals(4, bursts(synth.synthesize(SoundEffect.HEARTBEAT, 1), 0.25), "four lub-dubs");
        assertEquals(4, bursts(synth.synthesize(SoundEffect.FOOTSTEPS, 1), 0.2), "four steps");
        assertEquals(2, bursts(synth.synthesize(SoundEffect.PHONE_RING, 1), 0.2), "two rings");
    }

    @Test
    void namesParse() {
        assertEquals(SoundEffect.DOOR, SoundEffect.parse("Door slam"));
        assertEquals(SoundEffect.GLASS, SoundEffect.parse("glass breaks"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoundEffect.parse("moo"));
        assertTrue(e.getMessage().contains("thunder") && e.getMessage().contains("heartbeat"), e.getMessage());
    }

    /** Counts loud stretches separated by at least 0.3 s of quiet (20 ms RMS above {@code level} of the peak). */
    static int bursts(PcmAudio a, double level) {
        float[] s = a.samples();
        int window = PcmAudio.STANDARD_RATE / 50;
        int count = 0;
        double quietSince = 1e9;
        boolean loud = false;
        for (int i = 0; i + window <= s.length; i += window) {
            double sum = 0;
            for (int j = i; j < i + window; j++) {
                sum += s[j] * (double) s[j];
            }
            boolean now = Math.sqrt(sum / window) > level * a.peak() * 0.5;
            double t = i / (double) PcmAudio.STANDARD_RATE;
            if (now && !loud && quietSince >= 0.3) {
                count++;
            }
            if (now) {
                quietSince = 0;
            } else if (loud) {
                quietSince = 0;
            } else {
                quietSince += window / (double) PcmAudio.STANDARD_RATE;
            }
            loud = now;
        }
        return count;
    }
}
