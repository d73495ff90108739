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
    void silenceStaysSilence() {
        PcmAudio silence = PcmAudio.silence(2, RATE, 2);
        assertSame(silence, new LoudnessNormalizer().normalize(silence));
    }
}
