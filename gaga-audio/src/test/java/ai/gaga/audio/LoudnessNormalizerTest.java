package ai.gaga.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loudness measured independently with the ffmpeg command's ebur128 filter. */
class LoudnessNormalizerTest {
    private static final int RATE = PcmAudio.STANDARD_RATE;

    @TempDir
    Path dir;

    /** Syllable-like bursts of a harmonic tone: speech-shaped loudness over 10 s. */
    private static PcmAudio speechLike(double level) {
        float[] x = new float[10 * RATE * 2];
        for (int i = 0; i < x.length / 2; i++) {
            double t = i / (double) RATE;
            double env = Math.max(0, Math.sin(2 * Math.PI * 2.5 * t));
            double s = Math.sin(2 * Math.PI * 180 * t) + 0.5 * Math.sin(2 * Math.PI * 360 * t)
                    + 0.3 * Math.sin(2 * Math.PI * 1100 * t);
            x[2 * i] = (float) (level * env * s);
            x[2 * i + 1] = x[2 * i];
        }
        return new PcmAudio(x, RATE, 2);
    }

    @Test
    void quietAndLoudMixesBothLandOnTheTarget() throws Exception {
        for (double level : new double[] {0.02, 0.6}) {
            PcmAudio in = speechLike(level);
            PcmAudio out = new LoudnessNormalizer().normalize(in);
            assertEquals(in.samples().length, out.samples().length, "same length");
            double[] measured = Ebur128.measure(out, dir);
            assertEquals(LoudnessNormalizer.DEFAULT_LUFS, measured[0], 1.0, "integrated loudness at level " + level);
            assertTrue(measured[1] <= -1.0, "true peak " + measured[1] + " dBTP at level " + level);
        }
    }

    @Test
    void keepsTimeAlignedGapsStaySilent() {
        float[] x = new float[4 * RATE * 2];
        for (int i = 0; i < 4 * RATE; i++) {
            double t = i / (double) RATE;
            float v = (t < 1 || (t >= 2 && t < 3)) ? (float) (0.3 * Math.sin(2 * Math.PI * 220 * t)) : 0f;
            x[2 * i] = v;
            x[2 * i + 1] = v;
        }
        PcmAudio out = new LoudnessNormalizer().normalize(new PcmAudio(x, RATE, 2));
        for (double[] window : new double[][] {{0.1, 0.9}, {2.1, 2.9}}) {
            assertTrue(rms(out, window[0], window[1]) > 0.05, "tone kept at " + window[0]);
        }
        for (double[] window : new double[][] {{1.1, 1.9}, {3.1, 3.9}}) {
            assertTrue(rms(out, window[0], window[1]) < 1e-4, "gap stays silent at " + window[0]);
        }
    }

    private static double rms(PcmAudio a, double from, double to) {
        double sum = 0;
        int i0 = (int) (from * RATE) * 2;
        int i1 = (int) (to * RATE) * 2;
        for (int i = i0; i < i1; i++) {
            sum += a.samples()[i] * (double) a.samples()[i];
        }
        return Math.sqrt(sum / (i1 - i0));
    }

    @Test
    void silenceStaysSilence() {
        PcmAudio silence = PcmAudio.silence(2, RATE, 2);
        assertSame(silence, new LoudnessNormalizer().normalize(silence));
    }
}
