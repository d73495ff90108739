package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

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
            assertEquals(LoudnessNormalizer.DEFAULT_LUFS, measured[0], 0.5, "integrated loudness at level " + level);
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

    /** Quiet speech with rare full-scale clicks: the target gain would push the clicks far over the ceiling. */
    @Test
    void peaksOverTheCeilingAreLimitedWhileLoudnessStillLandsOnTarget() throws Exception {
        PcmAudio speech = speechLike(0.05);
        float[] x = speech.samples().clone();
        for (int k = 1; k < 10; k++) {
            int at = k * RATE * 2;
            for (int i = 0; i < 96; i++) {
                x[at + i] = (float) (0.95 * Math.sin(Math.PI * i / 96.0));
            }
        }
        PcmAudio out = new LoudnessNormalizer().normalize(new PcmAudio(x, RATE, 2));
        double[] measured = Ebur128.measure(out, dir);
        assertEquals(LoudnessNormalizer.DEFAULT_LUFS, measured[0], 0.5, "integrated loudness");
        assertTrue(measured[1] <= LoudnessNormalizer.DEFAULT_TRUE_PEAK + 0.1, "true peak " + measured[1] + " dBTP");
    }

    @Test
    void shortClipsAndOtherTargetsLandWithinHalfALu() throws Exception {
        float[] x = new float[3 * RATE];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) RATE;
            x[i] = (float) (0.2 * Math.max(0, Math.sin(2 * Math.PI * 3 * t)) * Math.sin(2 * Math.PI * 150 * t));
        }
        PcmAudio mono = new PcmAudio(x, RATE, 1);
        for (double target : new double[] {-23, -14}) {
            PcmAudio out = new LoudnessNormalizer(target, -1.5).normalize(mono);
            assertEquals(1, out.channels());
            assertEquals(target, Ebur128.measure(out, dir)[0], 0.5, "3 s mono clip at target " + target);
        }
    }

    @Test
    void inProcessMeterAgreesWithTheFfmpegCommand() throws Exception {
        PcmAudio in = speechLike(0.3);
        LoudnessMeter.Loudness l = LoudnessMeter.measure(in);
        double[] cli = Ebur128.measure(in, dir);
        assertEquals(cli[0], l.integrated(), 0.15, "integrated loudness");
        assertEquals(cli[1], l.truePeak(), 0.3, "true peak");
    }

    @Test
    void rejectsTargetsOutsideTheStandardRanges() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LoudnessNormalizer(-2, -1));
        assertTrue(e.getMessage().contains("-70..-5"), e.getMessage());
    }
}
