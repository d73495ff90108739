package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TempoTest {
    private static final int RATE = PcmAudio.STANDARD_RATE;

    private static PcmAudio tone(double hz, double seconds) {
        float[] s = new float[(int) (seconds * RATE)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return new PcmAudio(s, RATE, 1);
    }

    /** Frequency from upward zero crossings in the middle of the signal (edges may be faded or padded). */
    private static double frequency(PcmAudio a) {
        float[] s = a.samples();
        int from = s.length / 4;
        int to = 3 * s.length / 4;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                crossings++;
            }
        }
        return crossings / ((to - from) / (double) RATE);
    }

    @Test
    void changesTheLengthButNotThePitch() {
        PcmAudio in = tone(440, 1.0);
        for (double tempo : new double[]{0.75, 0.9, 1.2, 1.5}) {
            int frames = (int) Math.round(RATE / tempo);
            PcmAudio out = Tempo.change(in, tempo, frames);
            assertEquals(frames, out.frames(), "tempo " + tempo);
            assertEquals(440, frequency(out), 5, "tempo " + tempo + " keeps the pitch");
            // the sound runs to (nearly) the end: atempo's output is the whole input, not a truncated part
            double tail = 0;
            for (int i = frames - RATE / 10; i < frames - RATE / 50; i++) {
                tail = Math.max(tail, Math.abs(out.samples()[i]));
            }
            assertTrue(tail > 0.3, "tempo " + tempo + ": tone present near the end, peak " + tail);
        }
    }

    @Test
    void unchangedAudioIsReturnedAsIs() {
        PcmAudio in = tone(220, 0.2);
        assertSame(in, Tempo.change(in, 1, in.frames()));
    }

    @Test
    void exactLengthFadesACutAndPadsWithSilence() {
        PcmAudio in = tone(440, 0.5);
        PcmAudio cut = Tempo.exactLength(in, RATE / 4);
        assertEquals(RATE / 4, cut.frames());
        assertEquals(0, cut.samples()[cut.frames() - 1], 1e-6, "the cut fades to zero");
        PcmAudio padded = Tempo.exactLength(in, RATE);
        assertEquals(0, padded.samples()[RATE - 1]);
        assertEquals(in.samples()[100], padded.samples()[100]);
    }

    @Test
    void rejectsATempoOutsideItsRange() {
        PcmAudio in = tone(440, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tempo.change(in, 3, 10));
        assertTrue(e.getMessage().contains("3.0"), e.getMessage());
    }
}
