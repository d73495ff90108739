package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {
    private static float[] sine(double hz, double amplitude, int rate, int frames) {
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /**
     * Fits {@code a sin + b cos} at {@code hz} over the middle half (away from the edges, where the filter sees
     * silence beyond the signal) and returns {amplitude, RMS of what the fit leaves}.
     */
    private static double[] fit(float[] s, double hz, int rate) {
        int from = s.length / 4;
        int to = 3 * s.length / 4;
        double ss = 0;
        double sc = 0;
        int n = to - from;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * hz * i / rate;
            ss += s[i] * Math.sin(w);
            sc += s[i] * Math.cos(w);
        }
        double a = 2 * ss / n;
        double b = 2 * sc / n;
        double residual = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * hz * i / rate;
            double e = s[i] - a * Math.sin(w) - b * Math.cos(w);
            residual += e * e;
        }
        return new double[] {Math.hypot(a, b), Math.sqrt(residual / n)};
    }

    @Test
    void upsampledSineKeepsFrequencyAndAmplitudeAndLengthScalesExactly() {
        float[] in = sine(1000, 0.5, 22050, 22050);
        PcmAudio out = Resampler.resample(new PcmAudio(in, 22050, 1), 48000);
        assertEquals(48000, out.sampleRate());
        assertEquals(48000, out.frames(), "one second stays one second");
        double[] f = fit(out.samples(), 1000, 48000);
        assertEquals(0.5, f[0], 0.005, "amplitude");
        // A wrong frequency (even by 0.1%) would leave a large residual over 12000 samples.
        assertTrue(f[1] < 0.002, "residual " + f[1]);
    }

    @Test
    void commonRatesConvertCleanly() {
        for (int rate : new int[] {16000, 22050, 24000, 44100, 8000, 96000}) {
            float[] in = sine(1000, 0.8, rate, rate / 2);
            float[] out = new Resampler(rate, 48000).process(in);
            assertEquals(Math.round(rate / 2.0 * 48000 / rate), out.length, rate + " Hz");
            double[] f = fit(out, 1000, 48000);
            assertEquals(0.8, f[0], 0.008, rate + " Hz amplitude");
            assertTrue(f[1] < 0.003, rate + " Hz residual " + f[1]);
        }
    }

    @Test
    void downsamplingRemovesWhatTheNewRateCannotCarry() {
        // 10 kHz does not exist at 16 kHz (Nyquist 8 kHz): it must vanish, not fold back to 6 kHz.
        float[] in = sine(10_000, 0.5, 48000, 48000);
        float[] out = new Resampler(48000, 16000).process(in);
        assertEquals(16000, out.length);
        double[] alias = fit(out, 6000, 16000);
        assertTrue(alias[0] < 0.5 * 0.001, "alias at 6 kHz: " + alias[0]);

        float[] kept = new Resampler(48000, 16000).process(sine(1000, 0.5, 48000, 48000));
        assertEquals(0.5, fit(kept, 1000, 16000)[0], 0.005);
    }

    @Test
    void oddRatiosUseInterpolatedPhases() {
        // 47999 -> 48000 needs 48000 phases: more than the table holds.
        float[] in = sine(440, 0.5, 47999, 47999);
        float[] out = new Resampler(47999, 48000).process(in);
        assertEquals(48000, out.length);
        double[] f = fit(out, 440, 48000);
        assertEquals(0.5, f[0], 0.005);
        assertTrue(f[1] < 0.002, "residual " + f[1]);
    }

    @Test
    void stereoChannelsStaySeparateAndSameRateIsANoOp() {
        float[] stereo = new float[2 * 4410];
        for (int i = 0; i < 4410; i++) {
            stereo[2 * i] = (float) Math.sin(2 * Math.PI * 500 * i / 44100.0);
        }
        PcmAudio out = Resampler.resample(new PcmAudio(stereo, 44100, 2), 48000);
        assertEquals(2, out.channels());
        assertEquals(4800, out.frames());
        double right = 0;
        for (int i = 0; i < out.frames(); i++) {
            right = Math.max(right, Math.abs(out.samples()[2 * i + 1]));
        }
        assertEquals(0, right, 1e-6, "silent right channel stays silent");

        PcmAudio same = new PcmAudio(new float[10], 48000, 1);
        assertSame(same, Resampler.resample(same, 48000));
    }

    @Test
    void refusesMoreThanAnHourBeforeAllocatingTheOutput() {
        // Seen failing before the bound: this asked for 173 million output samples (690 MB) and ran out of memory.
        Resampler r = new Resampler(100, 48_000);
        float[] hourAndAMinute = new float[100 * 3660];
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> r.process(hourAndAMinute));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("3660 s") && e.getMessage()
                .contains("at most 3600 s"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertEquals(48_000 * 60, r.outputLength(100 * 60));
    }
}
