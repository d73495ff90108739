package ai.gaga.sound.music;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns notes into stereo samples: wavetable pads, additive piano, Karplus-Strong plucks, sine bass, swept-sine kick
 * and noise hats, then a small Schroeder reverb. Plain arrays and table look-ups, so a minute of music renders in a
 * fraction of a second on one core.
 */
final class Synthesizer {
    private static final int TABLE = 4096;
    private static final float[] SINE = new float[TABLE + 1];

    static {
        for (int i = 0; i <= TABLE; i++) {
            SINE[i] = (float) Math.sin(2 * Math.PI * i / TABLE);
        }
    }

    private final int rate;
    private final SplittableRandom noise;

    Synthesizer(int rate, long seed) {
        this.rate = rate;
        this.noise = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    }

    /** Interleaved stereo of {@code frames} frames. */
    float[] render(List<Note> notes, int frames) {
        float[] left = new float[frames];
        float[] right = new float[frames];
        float[] voice = new float[0];
        for (Note n : notes) {
            int start = (int) Math.round(n.start() * rate);
            if (start >= frames) {
                continue;
            }
            int length = Math.min(frames - start, (int) ((n.duration() + release(n.instrument())) * rate));
            if (voice.length < length) {
                voice = new float[length];
            }
            java.util.Arrays.fill(voice, 0, length, 0f);
            synth(n, voice, length);
            double angle = (n.instrument().pan() + 1) * Math.PI / 4; // constant-power pan
            float gl = (float) Math.cos(angle);
            float gr = (float) Math.sin(angle);
            for (int i = 0; i < length; i++) {
                left[start + i] += voice[i] * gl;
                right[start + i] += voice[i] * gr;
            }
        }
        Reverb.apply(left, right, rate, 0.22f);
        float[] out = new float[frames * 2];
        for (int i = 0; i < frames; i++) {
            out[2 * i] = left[i];
            out[2 * i + 1] = right[i];
        }
        return out;
    }

    private static double release(Instrument instrument) {
        return switch (instrument) {
            case PAD -> 0.9;
            case PIANO, PLUCK -> 1.2;
            case BASS -> 0.3;
            case KICK, HAT -> 0.0;
        };
    }

    private void synth(Note n, float[] out, int length) {
        switch (n.instrument()) {
            case PAD -> pad(n, out, length);
            case PIANO -> piano(n, out, length);
            case PLUCK -> pluck(n, out, length);
            case BASS -> additive(n, out, length, new double[] {1, 0.35}, 0.16, 1.5, 0.01);
            case KICK -> kick(n, out, length);
            case HAT -> hat(n, out, length);
        }
    }

    /** Two detuned voices of a soft sawtooth-like spectrum, slow attack and release. */
    private void pad(Note n, float[] out, int length) {
        double f = n.frequency();
        int held = (int) (n.duration() * rate);
        double attack = 0.35 * rate;
        double releaseLen = release(Instrument.PAD) * rate;
        double amp = 0.05 * n.velocity();
        for (double detune : new double[] {0.9977, 1.0023}) {
            double[] phase = new double[5];
            for (int i = 0; i < length; i++) {
                double env = i < attack ? i / attack : 1.0;
                if (i > held) {
                    env *= Math.max(0, 1 - (i - held) / releaseLen);
                }
                double s = 0;
                for (int h = 0; h < phase.length; h++) {
                    phase[h] += f * detune * (h + 1) / rate;
                    s += sine(phase[h]) / Math.pow(h + 1, 1.6);
                }
                out[i] += (float) (s * env * amp);
            }
        }
    }

    /** Additive piano-like tone: partials with slight inharmonicity; higher ones die sooner. */
    private void piano(Note n, float[] out, int length) {
        additive(n, out, length, new double[] {1, 0.5, 0.28, 0.14, 0.07}, 0.11, 2.2, 0.004);
    }

    private void additive(Note n, float[] out, int length, double[] partials, double gain, double decaySeconds,
                          double attackSeconds) {
        double f = n.frequency();
        int held = (int) (n.duration() * rate);
        for (int h = 0; h < partials.length; h++) {
            double fh = f * (h + 1) * (1 + 0.0004 * h * h);
            if (fh > rate * 0.45) {
                break;
            }
            double decay = Math.exp(-1.0 / (decaySeconds / (1 + 0.6 * h) * rate));
            double amp = gain * n.velocity() * partials[h];
            double env = amp;
            double phase = 0;
            for (int i = 0; i < length; i++) {
                phase += fh / rate;
                double a = i < attackSeconds * rate ? i / (attackSeconds * rate) : 1;
                double r = i > held ? Math.max(0, 1 - (i - held) / (0.25 * rate)) : 1;
                out[i] += (float) (sine(phase) * env * a * r);
                env *= decay;
            }
        }
    }

    /** Karplus-Strong plucked string: a noise burst circulating in a damped delay line. */
    private void pluck(Note n, float[] out, int length) {
        int period = Math.max(2, (int) Math.round(rate / n.frequency()));
        float[] line = new float[period];
        for (int i = 0; i < period; i++) {
            line[i] = (float) (noise.nextDouble() * 2 - 1);
        }
        float amp = (float) (0.12 * n.velocity());
        float damping = 0.4985f;
        int pos = 0;
        float prev = 0;
        for (int i = 0; i < length; i++) {
            float cur = line[pos];
            line[pos] = damping * (cur + prev);
            prev = cur;
            out[i] += cur * amp;
            pos = pos + 1 == period ? 0 : pos + 1;
        }
    }

    /** A soft kick: sine falling from 120 to 45 Hz with a quick decay. */
    private void kick(Note n, float[] out, int length) {
        double phase = 0;
        int len = Math.min(length, (int) (0.35 * rate));
        for (int i = 0; i < len; i++) {
            double t = i / (double) rate;
            double f = 45 + 75 * Math.exp(-t / 0.03);
            phase += f / rate;
            out[i] += (float) (sine(phase) * Math.exp(-t / 0.09) * 0.35 * n.velocity());
        }
    }

    /** A closed hat: differentiated noise with a 30 ms decay. */
    private void hat(Note n, float[] out, int length) {
        int len = Math.min(length, (int) (0.12 * rate));
        double prev = 0;
        for (int i = 0; i < len; i++) {
            double w = noise.nextDouble() * 2 - 1;
            double hp = w - prev;
            prev = w;
            out[i] += (float) (hp * Math.exp(-i / (0.03 * rate)) * 0.04 * n.velocity());
        }
    }

    private static double sine(double phaseCycles) {
        double x = (phaseCycles - Math.floor(phaseCycles)) * TABLE;
        int i = (int) x;
        double frac = x - i;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * frac;
    }
}
