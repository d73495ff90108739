package ai.gaga.voice;

import ai.gaga.scene.Beat;
import ai.gaga.scene.Delivery;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.Viseme;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthesises the non-verbal sounds of {@code [laughs]} and {@code [sighs]}, which no TTS engine here can speak: a laugh
 * is a run of "ha" syllables (an aspirated onset, then a glottal pulse train through the formants of an open /a/,
 * pitch falling from syllable to syllable); a sigh is a long breathy exhalation (formant-shaped noise with a faint,
 * falling voiced hum). Whispered lines get unvoiced versions. Each comes with its mouth shapes, so the face laughs too.
 * Deterministic for a seed.
 */
final class Vocalizer {
    private static final int RATE = ai.gaga.audio.PcmAudio.STANDARD_RATE;

    /** A synthesised sound and the mouth shapes over it (times from its start). */
    record Vocalization(float[] samples, List<Viseme> visemes) {
        double seconds() {
            return samples.length / (double) RATE;
        }
    }

    private Vocalizer() {
    }

    /** The sound of a laugh or sigh beat, at roughly {@code level} RMS (the line's own speech level). */
    static Vocalization of(Beat.Kind kind, Delivery delivery, double level, long seed) {
        boolean voiced = delivery != Delivery.WHISPER;
        return switch (kind) {
            case LAUGH -> laugh(voiced, level, seed);
            case SIGH -> sigh(voiced, level, seed);
            case PAUSE -> throw new IllegalArgumentException("A pause is silence, not a vocalisation");
        };
    }

    private static Vocalization laugh(boolean voiced, double level, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int syllables = 3 + rnd.nextInt(2);
        double syl = 0.19;
        double gap = 0.07;
        int n = (int) Math.round((syllables * (syl + gap) + 0.05) * RATE);
        float[] out = new float[n];
        List<Viseme> visemes = new ArrayList<>();
        Formants a = new Formants(new double[] {800, 1200, 2600}, new double[] {80, 90, 120});
        double phase = 0;
        for (int s = 0; s < syllables; s++) {
            double start = s * (syl + gap);
            double f0 = 250 * Math.pow(0.93, s); // each "ha" a little lower
            double amp = Math.pow(0.85, s);
            int i0 = (int) (start * RATE);
            int len = (int) (syl * RATE);
            for (int i = 0; i < len && i0 + i < n; i++) {
                double t = i / (double) RATE;
                double aspiration = Math.exp(-t / 0.03); // the "h": breath before the voice
                double env = Math.sin(Math.PI * Math.min(1, t / syl)) * amp;
                phase += f0 * (1 - 0.15 * t / syl) / RATE;
                double pulse = voiced ? glottal(phase) * (1 - aspiration) : 0;
                double noise = (rnd.nextDouble() * 2 - 1) * (voiced ? 0.35 * aspiration + 0.05 : 0.6);
                out[i0 + i] = (float) (a.filter(pulse + noise) * env);
            }
            visemes.add(new Viseme(OculusViseme.AA, start, start + syl));
        }
        scale(out, level);
        return new Vocalization(out, visemes);
    }

    private static Vocalization sigh(boolean voiced, double level, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double seconds = 1.1;
        int n = (int) (seconds * RATE);
        float[] out = new float[n];
        Formants h = new Formants(new double[] {650, 1100, 2500}, new double[] {150, 180, 250});
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double env = Math.pow(Math.sin(Math.PI * t / seconds), 1.5) * Math.exp(-t / 0.9);
            phase += (150 - 40 * t / seconds) / RATE;
            double hum = voiced ? 0.25 * glottal(phase) : 0;
            double breath = (rnd.nextDouble() * 2 - 1) * 0.8;
            out[i] = (float) (h.filter(breath + hum) * env);
        }
        scale(out, level * 0.6); // a sigh is softer than speech
        return new Vocalization(out, List.of(new Viseme(OculusViseme.E, 0.05, seconds - 0.2)));
    }

    /** A smooth glottal pulse per period (Rosenberg-like), zero mean. */
    private static double glottal(double phase) {
        double p = phase - Math.floor(phase);
        double open = 0.6;
        double v = p < open ? 0.5 - 0.5 * Math.cos(Math.PI * p / open) : Math.cos(0.5 * Math.PI * (p - open)
                / (1 - open));
        return v - 0.45;
    }

    private static void scale(float[] x, double level) {
        double sum = 0;
        for (float v : x) {
            sum += v * (double) v;
        }
        double rms = Math.sqrt(sum / Math.max(1, x.length));
        if (rms == 0) {
            return;
        }
        double g = Math.max(0.02, level) / rms;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.max(-0.95, Math.min(0.95, x[i] * g));
        }
    }

    /** Parallel two-pole resonators: a vowel's formants. */
    private static final class Formants {
        private final double[] b1;
        private final double[] a1;
        private final double[] a2;
        private final double[] y1;
        private final double[] y2;

        Formants(double[] freqs, double[] bandwidths) {
            int k = freqs.length;
            b1 = new double[k];
            a1 = new double[k];
            a2 = new double[k];
            y1 = new double[k];
            y2 = new double[k];
            for (int i = 0; i < k; i++) {
                double r = Math.exp(-Math.PI * bandwidths[i] / RATE);
                a1[i] = 2 * r * Math.cos(2 * Math.PI * freqs[i] / RATE);
                a2[i] = -r * r;
                b1[i] = (1 - r) / (1 + i); // higher formants weaker
            }
        }

        double filter(double x) {
            double sum = 0;
            for (int i = 0; i < b1.length; i++) {
                double y = b1[i] * x + a1[i] * y1[i] + a2[i] * y2[i];
                y2[i] = y1[i];
                y1[i] = y;
                sum += y;
            }
            return sum;
        }
    }
}
