package ai.gaga.voice.recorded;

import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.processing.Resampler;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.Viseme;
import ai.gaga.voice.viseme.VisemeTrack;
import org.jtransforms.fft.DoubleFFT_1D;

import java.util.ArrayList;
import java.util.List;

/**
 * Mouth shapes read from a recording, for speech no engine produced ({@code says(Path wav)}): the face can lip-sync
 * to any voice. Every 10 ms the audio (resampled to 16 kHz) is analysed in a 32 ms window: loudness, voicing (the
 * normalised autocorrelation at the pitch lag), zero-crossing rate and spectral centroid (fricatives), and the first
 * two formants from an order-14 LPC envelope. Formant rules then pick the viseme: F1 says how open the jaw is, F2
 * how spread or rounded the lips are; unvoiced noise is a fricative; a deep dip in loudness between voiced frames is
 * a closure (p, b, m). Labels are smoothed (a 5-frame mode filter) and merged into spans of at least 30 ms.
 *
 * <p>Deterministic and engine-free: per 10 ms frame, one 512-point FFT, an autocorrelation pitch check and an LPC
 * fit.
 */
public final class AudioVisemes {
    static final int RATE = 16_000;
    static final int HOP = 160; // 10 ms
    static final int WINDOW = 512; // 32 ms
    private static final int LPC_ORDER = 14;
    /** Frames this far below the loudest are silence. */
    private static final double SILENCE_DB = 38;

    private AudioVisemes() {
    }

    /** The viseme track of mono audio, covering its whole length. */
    public static VisemeTrack track(PcmAudio audio) {
        PcmAudio mono = audio.channels() == 1 ? audio : downmix(audio);
        PcmAudio x16 = Resampler.resample(mono, RATE);
        float[] x = x16.samples();
        int frames = Math.max(1, (int) Math.ceil(x.length / (double) HOP));
        Features[] f = new Features[frames];
        double[] window = new double[WINDOW];
        double[] hann = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (WINDOW - 1));
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(WINDOW);
        double[] spectrum = new double[WINDOW];
        double loudest = -200;
        for (int k = 0; k < frames; k++) {
            int center = k * HOP + HOP / 2;
            int start = center - WINDOW / 2;
            for (int i = 0; i < WINDOW; i++) {
                int j = start + i;
                window[i] = j >= 0 && j < x.length ? x[j] : 0;
            }
            f[k] = analyse(window, hann, fft, spectrum);
            loudest = Math.max(loudest, f[k].db);
        }
        OculusViseme[] labels = new OculusViseme[frames];
        for (int k = 0; k < frames; k++) {
            labels[k] = classify(f, k, loudest);
        }
        OculusViseme[] smooth = modeFilter(labels, 2);
        return spans(smooth, x16.durationSeconds());
    }

    /** Per-frame measurements. */
    record Features(double db, boolean voiced, double zcr, double centroid, double f1, double f2) {
    }

    private static Features analyse(double[] w, double[] hann, DoubleFFT_1D fft, double[] spectrum) {
        double energy = 0;
        int crossings = 0;
        for (int i = 0; i < w.length; i++) {
            energy += w[i] * w[i];
            if (i > 0 && (w[i - 1] < 0) != (w[i] < 0)) {
                crossings++;
            }
        }
        double db = 10 * Math.log10(energy / w.length + 1e-12);
        double zcr = crossings * (RATE / (double) w.length); // crossings per second
        boolean voiced = voicing(w) > 0.45;

        // spectral centroid from the windowed FFT
        for (int i = 0; i < w.length; i++) {
            spectrum[i] = w[i] * hann[i];
        }
        fft.realForward(spectrum);
        double num = 0;
        double den = 1e-12;
        for (int b = 1; b < w.length / 2; b++) {
            double re = spectrum[2 * b];
            double im = spectrum[2 * b + 1];
            double mag = re * re + im * im;
            num += mag * b * RATE / (double) w.length;
            den += mag;
        }
        double centroid = num / den;

        double[] formants = formants(w, hann);
        return new Features(db, voiced, zcr, centroid, formants[0], formants[1]);
    }

    /** Peak of the normalised autocorrelation over pitch lags 80..400 Hz. */
    private static double voicing(double[] w) {
        double e0 = 0;
        for (double v : w) {
            e0 += v * v;
        }
        if (e0 < 1e-9) {
            return 0;
        }
        double best = 0;
        for (int lag = RATE / 400; lag <= RATE / 80; lag++) {
            double r = 0;
            double e1 = 0;
            double e2 = 0;
            for (int i = 0; i + lag < w.length; i++) {
                r += w[i] * w[i + lag];
                e1 += w[i] * w[i];
                e2 += w[i + lag] * w[i + lag];
            }
            best = Math.max(best, r / Math.sqrt(e1 * e2 + 1e-12));
        }
        return best;
    }

    /** F1 and F2 (Hz) from the peaks of an LPC envelope of the pre-emphasised, windowed frame. */
    static double[] formants(double[] w, double[] hann) {
        int n = w.length;
        double[] s = new double[n];
        for (int i = n - 1; i > 0; i--) {
            s[i] = (w[i] - 0.97 * w[i - 1]) * hann[i];
        }
        double[] r = new double[LPC_ORDER + 1];
        for (int lag = 0; lag <= LPC_ORDER; lag++) {
            double sum = 0;
            for (int i = 0; i + lag < n; i++) {
                sum += s[i] * s[i + lag];
            }
            r[lag] = sum;
        }
        if (r[0] < 1e-10) {
            return new double[] {0, 0};
        }
        r[0] *= 1.0001; // white-noise correction keeps the recursion stable
        double[] a = levinson(r);
        // envelope |1/A(e^jw)| on a 20 Hz grid
        int bins = 3600 / 20;
        double[] env = new double[bins];
        for (int b = 0; b < bins; b++) {
            double omega = 2 * Math.PI * (b * 20.0) / RATE;
            double re = 1;
            double im = 0;
            for (int k = 1; k <= LPC_ORDER; k++) {
                re += a[k] * Math.cos(k * omega);
                im -= a[k] * Math.sin(k * omega);
            }
            env[b] = 1 / (re * re + im * im + 1e-12);
        }
        double f1 = peak(env, 250, 1000, 0);
        double f2 = peak(env, Math.max(850, f1 + 250), 2900, 0);
        return new double[] {f1, f2};
    }

    private static double peak(double[] env, double lo, double hi, double fallback) {
        double best = -1;
        double at = fallback;
        for (int b = (int) (lo / 20); b <= Math.min(env.length - 2, (int) (hi / 20)); b++) {
            if (b > 0 && env[b] >= env[b - 1] && env[b] >= env[b + 1] && env[b] > best) {
                best = env[b];
                at = b * 20.0;
            }
        }
        return at;
    }

    private static double[] levinson(double[] r) {
        int p = r.length - 1;
        double[] a = new double[p + 1];
        double[] tmp = new double[p + 1];
        a[0] = 1;
        double err = r[0];
        for (int i = 1; i <= p; i++) {
            double acc = r[i];
            for (int j = 1; j < i; j++) {
                acc += a[j] * r[i - j];
            }
            double k = -acc / err;
            System.arraycopy(a, 0, tmp, 0, i);
            for (int j = 1; j < i; j++) {
                a[j] = tmp[j] + k * tmp[i - j];
            }
            a[i] = k;
            err *= 1 - k * k;
            if (err <= 0) {
                break;
            }
        }
        return a;
    }

    static OculusViseme classify(Features[] f, int k, double loudest) {
        Features c = f[k];
        if (c.db < loudest - SILENCE_DB || c.db < -75) {
            return OculusViseme.SIL;
        }
        // loudness of the neighbourhood (±80 ms): a deep dip inside speech is a closure
        double around = -200;
        for (int j = Math.max(0, k - 8); j <= Math.min(f.length - 1, k + 8); j++) {
            around = Math.max(around, f[j].db);
        }
        if (!c.voiced) {
            if (c.db < around - 24) {
                return OculusViseme.PP; // stop closure or its release
            }
            if (c.centroid > 3300 || c.zcr > 3500) {
                return OculusViseme.SS;
            }
            if (c.centroid > 2000) {
                return OculusViseme.CH;
            }
            return c.db < around - 10 ? OculusViseme.FF : OculusViseme.KK;
        }
        if (c.db < around - 20) {
            return c.f1 < 400 ? OculusViseme.PP : OculusViseme.NN; // murmur through a closed or nearly closed mouth
        }
        if (c.f1 >= 680) {
            return OculusViseme.AA;
        }
        if (c.f1 >= 460) {
            return c.f2 >= 1650 ? OculusViseme.E : OculusViseme.O;
        }
        if (c.f2 >= 1900) {
            return OculusViseme.I;
        }
        if (c.f2 <= 1150) {
            return OculusViseme.U;
        }
        return c.db < around - 8 ? OculusViseme.NN : OculusViseme.E;
    }

    /** Most frequent label within ±radius frames (ties keep the centre's label). */
    static OculusViseme[] modeFilter(OculusViseme[] in, int radius) {
        OculusViseme[] out = new OculusViseme[in.length];
        int[] counts = new int[OculusViseme.values().length];
        for (int k = 0; k < in.length; k++) {
            java.util.Arrays.fill(counts, 0);
            for (int j = Math.max(0, k - radius); j <= Math.min(in.length - 1, k + radius); j++) {
                counts[in[j].ordinal()]++;
            }
            OculusViseme best = in[k];
            for (OculusViseme v : OculusViseme.values()) {
                if (counts[v.ordinal()] > counts[best.ordinal()]) {
                    best = v;
                }
            }
            out[k] = best;
        }
        return out;
    }

    private static VisemeTrack spans(OculusViseme[] labels, double duration) {
        List<Viseme> out = new ArrayList<>();
        double hop = HOP / (double) RATE;
        int start = 0;
        for (int k = 1; k <= labels.length; k++) {
            if (k == labels.length || labels[k] != labels[start]) {
                double t0 = start * hop;
                double t1 = Math.min(duration, k * hop);
                if (t1 > t0) {
                    // spans under 30 ms join the previous one: a single odd frame is not a mouth shape
                    if (t1 - t0 < 0.03 && !out.isEmpty()) {
                        Viseme last = out.remove(out.size() - 1);
                        out.add(new Viseme(last.shape(), last.start(), t1));
                    } else {
                        out.add(new Viseme(labels[start], t0, t1));
                    }
                }
                start = k;
            }
        }
        if (!out.isEmpty() && out.get(out.size() - 1).end() < duration) {
            Viseme last = out.remove(out.size() - 1);
            out.add(new Viseme(last.shape(), last.start(), duration));
        }
        return VisemeTrack.of(out);
    }

    private static PcmAudio downmix(PcmAudio a) {
        int ch = a.channels();
        float[] s = a.samples();
        float[] m = new float[s.length / ch];
        for (int i = 0; i < m.length; i++) {
            double sum = 0;
            for (int c = 0; c < ch; c++) {
                sum += s[i * ch + c];
            }
            m[i] = (float) (sum / ch);
        }
        return new PcmAudio(m, a.sampleRate(), 1);
    }
}
