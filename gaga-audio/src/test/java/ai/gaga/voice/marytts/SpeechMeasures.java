package ai.gaga.voice.marytts;

import ai.gaga.audio.PcmAudio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plain signal measures that tests use to tell deliveries apart, on 30 ms frames every 10 ms: which frames are voiced
 * (periodic), and their pitch. A frame is voiced when its normalised autocorrelation peaks above 0.6 at a lag of
 * 60-400 Hz; only frames within 25 dB of the loudest frame are <em>active</em>, so pauses do not dilute ratios.
 */
public final class SpeechMeasures {
    static final double HOP_SECONDS = 0.010;
    private static final int DECIMATE = 4;
    private static final double FRAME_SECONDS = 0.030;
    private static final double VOICED_CORRELATION = 0.6;

    private SpeechMeasures() {
    }

    /**
     * One analysis frame.
     *
     * @param active whether it is within 25 dB of the loudest frame
     * @param voiced whether it is periodic
     * @param f0     pitch in Hz (meaningful only when voiced)
     */
    record Frame(boolean active, boolean voiced, double f0) {
    }

    /** Frames every {@link #HOP_SECONDS}, the first starting at 0. */
    static List<Frame> frames(PcmAudio audio) {
        int rate = audio.sampleRate() / DECIMATE;
        float[] x = decimate(audio.samples());
        int frame = (int) (FRAME_SECONDS * rate);
        int hop = (int) (HOP_SECONDS * rate);
        int minLag = rate / 400;
        int maxLag = rate / 60;
        List<double[]> raw = new ArrayList<>();
        double loudest = 0;
        for (int start = 0; start + frame + maxLag + 1 < x.length; start += hop) {
            double energy = 0;
            for (int i = 0; i < frame; i++) {
                energy += x[start + i] * (double) x[start + i];
            }
            double rms = Math.sqrt(energy / frame);
            loudest = Math.max(loudest, rms);
            double[] r = new double[maxLag + 2];
            int bestLag = minLag;
            for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
                double xy = 0;
                double yy = 0;
                for (int i = 0; i < frame; i++) {
                    xy += x[start + i] * (double) x[start + i + lag];
                    yy += x[start + i + lag] * (double) x[start + i + lag];
                }
                r[lag] = xy / Math.sqrt(energy * yy + 1e-20);
                if (lag >= minLag && lag <= maxLag && r[lag] > r[bestLag]) {
                    bestLag = lag;
                }
            }
            // Parabolic interpolation of the peak: whole-sample lags alone would quantise F0 in ~1.5% steps.
            double a = r[bestLag - 1];
            double b = r[bestLag];
            double c = r[bestLag + 1];
            double curvature = a - 2 * b + c;
            double offset = curvature < 0 ? Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curvature)) : 0;
            raw.add(new double[] {rms, b, rate / (bestLag + offset)});
        }
        double floor = loudest * Math.pow(10, -25 / 20.0);
        List<Frame> out = new ArrayList<>(raw.size());
        for (double[] f : raw) {
            out.add(new Frame(f[0] >= floor, f[0] >= floor && f[1] >= VOICED_CORRELATION, f[2]));
        }
        return out;
    }

    /** Share of active frames that are voiced (periodic). */
    public static double voicedRatio(PcmAudio audio) {
        List<Frame> frames = frames(audio);
        long active = frames.stream().filter(Frame::active).count();
        return frames.stream().filter(Frame::voiced).count() / (double) active;
    }

    /** Median F0 of the voiced frames. */
    static double medianPitch(PcmAudio audio) {
        double[] f = frames(audio).stream().filter(Frame::voiced).mapToDouble(Frame::f0).sorted().toArray();
        return f.length == 0 ? Double.NaN : f[f.length / 2];
    }

    /**
     * Amplitude of the F0 modulation at {@code hz}, as a fraction of F0. In every run of at least 20 voiced frames
     * (longer than one period of a 4-7 Hz tremor), log-F0 minus its linear trend is correlated with a sinusoid of that
     * rate; the runs' amplitudes are averaged, weighted by length. Each run gets its own phase, so the measure does not
     * depend on where the tremor starts. A tremor at that rate adds up within a run; ordinary intonation, spread over
     * all rates, mostly does not.
     */
    static double pitchModulation(PcmAudio audio, double hz) {
        List<Frame> frames = frames(audio);
        double weighted = 0;
        int total = 0;
        int i = 0;
        while (i < frames.size()) {
            int j = i;
            while (j < frames.size() && frames.get(j).voiced()) {
                j++;
            }
            if (j - i >= 20) {
                double[] log = new double[j - i];
                for (int k = 0; k < log.length; k++) {
                    log[k] = Math.log(frames.get(i + k).f0());
                }
                double[] residual = detrend(log);
                double cos = 0;
                double sin = 0;
                int n = 0;
                for (int k = 0; k < residual.length; k++) {
                    if (Math.abs(residual[k]) < 0.3) { // an octave error is not a tremor
                        double phase = 2 * Math.PI * hz * k * HOP_SECONDS;
                        cos += residual[k] * Math.cos(phase);
                        sin += residual[k] * Math.sin(phase);
                        n++;
                    }
                }
                if (n > 0) {
                    weighted += 2 * Math.hypot(cos, sin);
                    total += n;
                }
            }
            i = Math.max(j, i + 1);
        }
        return total == 0 ? 0 : weighted / total;
    }

    /** Values minus their least-squares line (with octave errors left out of the fit). */
    private static double[] detrend(double[] y) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int k = 0; k < y.length; k++) {
            if (Math.abs(y[k] - median) < 0.3) {
                sx += k;
                sy += y[k];
                sxx += (double) k * k;
                sxy += k * y[k];
                n++;
            }
        }
        double slope = (n * sxy - sx * sy) / Math.max(1e-12, n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        double[] out = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            out[k] = y[k] - (intercept + slope * k);
        }
        return out;
    }

    /** Averages each group of samples: a crude low-pass that is plenty for a pitch detector up to 400 Hz. */
    private static float[] decimate(float[] in) {
        float[] out = new float[in.length / DECIMATE];
        for (int i = 0; i < out.length; i++) {
            float s = 0;
            for (int j = 0; j < DECIMATE; j++) {
                s += in[i * DECIMATE + j];
            }
            out[i] = s / DECIMATE;
        }
        return out;
    }
}
