package ai.gaga.sound.effects;

import ai.gaga.audio.PcmAudio;

import java.util.SplittableRandom;

/**
 * Synthesises one-shot effects: thunder (a crack then a long low rumble), door (a thud with a wooden knock
 * resonance), footsteps (heel-toe pairs), phone ring (two-tone bursts), glass (bright inharmonic partials and
 * debris), heartbeat (lub-dub). Mono at {@link PcmAudio#STANDARD_RATE}, peak 0.8, seeded. Thread-safe.
 */
public final class EffectSynthesizer {
    public static final float PEAK = 0.8f;
    private static final int RATE = PcmAudio.STANDARD_RATE;

    public PcmAudio synthesize(SoundEffect effect, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 131 + effect.ordinal());
        float[] x = new float[(int) Math.round(effect.seconds() * RATE)];
        switch (effect) {
            case THUNDER -> thunder(x, r);
            case DOOR -> thud(x, 0, 70, 0.25, 1.0, r);
            case FOOTSTEPS -> {
                for (int step = 0; step < 4; step++) {
                    int at = (int) ((0.1 + step * 0.55) * RATE);
                    thud(x, at, 110, 0.05, 0.8, r);
                    thud(x, at + (int) (0.07 * RATE), 180, 0.03, 0.4, r);
                }
            }
            case PHONE_RING -> ring(x);
            case GLASS -> glass(x, r);
            case HEARTBEAT -> {
                for (int beat = 0; beat < 4; beat++) {
                    int at = (int) ((0.1 + beat * 0.8) * RATE);
                    tone(x, at, 55, 0.12, 1.0);
                    tone(x, at + (int) (0.25 * RATE), 48, 0.1, 0.7);
                }
            }
        }
        normalise(x);
        return new PcmAudio(x, RATE, 1);
    }

    private static void thunder(float[] x, SplittableRandom r) {
        double low = 0;
        double crack = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) RATE;
            double w = r.nextDouble() * 2 - 1;
            low += (1 - Math.exp(-2 * Math.PI * 80 / RATE)) * (w - low);
            crack += (1 - Math.exp(-2 * Math.PI * 3000 / RATE)) * (w - crack);
            double rumbleEnv = Math.min(1, t / 0.3) * Math.exp(-t / 1.2) * (0.7 + 0.3 * Math.sin(2 * Math.PI * 2.3 * t));
            x[i] = (float) (low * 8 * rumbleEnv + crack * Math.exp(-t / 0.06) * 0.8);
        }
    }

    private static void thud(float[] x, int at, double freq, double decay, double amp, SplittableRandom r) {
        int len = Math.min(x.length - at, (int) (decay * 8 * RATE));
        double noiseLp = 0;
        for (int i = 0; i < len; i++) {
            double t = i / (double) RATE;
            noiseLp += (1 - Math.exp(-2 * Math.PI * 1200 / RATE)) * ((r.nextDouble() * 2 - 1) - noiseLp);
            double body = Math.sin(2 * Math.PI * freq * t) * Math.exp(-t / decay);
            double click = noiseLp * Math.exp(-t / 0.008);
            x[at + i] += (float) (amp * (body + click * 2));
        }
    }

    private static void ring(float[] x) {
        for (int burst = 0; burst < 2; burst++) {
            int at = (int) ((0.1 + burst * 1.5) * RATE);
            int len = Math.min(x.length - at, (int) (1.0 * RATE));
            for (int i = 0; i < len; i++) {
                double t = i / (double) RATE;
                double trill = Math.sin(2 * Math.PI * 20 * t) > 0 ? 1 : 0.3; // the 20 Hz warble of a bell phone
                double s = Math.sin(2 * Math.PI * 1000 * t) + 0.8 * Math.sin(2 * Math.PI * 1300 * t);
                double env = Math.min(1, t / 0.01) * Math.min(1, (len - i) / (0.02 * RATE));
                x[at + i] += (float) (0.4 * s * trill * env);
            }
        }
    }

    private static void glass(float[] x, SplittableRandom r) {
        double[] partials = {2100, 3400, 4650, 5900, 7300};
        for (double f : partials) {
            double ff = f * (0.97 + 0.06 * r.nextDouble());
            for (int i = 0; i < x.length; i++) {
                double t = i / (double) RATE;
                x[i] += (float) (0.2 * Math.sin(2 * Math.PI * ff * t) * Math.exp(-t / (0.15 + 0.1 * r.nextDouble())));
            }
        }
        for (int d = 0; d < 25; d++) { // falling shards
            int at = (int) ((0.05 + 0.8 * r.nextDouble()) * RATE);
            double f = 3000 + 5000 * r.nextDouble();
            int len = Math.min(x.length - at, (int) (0.03 * RATE));
            for (int i = 0; i < len; i++) {
                x[at + i] += (float) (0.15 * Math.sin(2 * Math.PI * f * i / RATE) * Math.exp(-i / (0.005 * RATE)));
            }
        }
    }

    private static void tone(float[] x, int at, double freq, double decay, double amp) {
        int len = Math.min(x.length - at, (int) (decay * 6 * RATE));
        for (int i = 0; i < len; i++) {
            double t = i / (double) RATE;
            x[at + i] += (float) (amp * Math.sin(2 * Math.PI * freq * t) * Math.min(1, t / 0.01) * Math.exp(-t / decay));
        }
    }

    private static void normalise(float[] x) {
        float peak = 1e-9f;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        // a short fade at the end so a cut-off tail never clicks
        int fade = Math.min(x.length, RATE / 50);
        for (int i = 0; i < fade; i++) {
            x[x.length - 1 - i] *= i / (float) fade;
        }
        float scale = PEAK / peak;
        for (int i = 0; i < x.length; i++) {
            x[i] *= scale;
        }
    }
}
