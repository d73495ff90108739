package ai.gaga.sound.ambience;

import ai.gaga.audio.processing.Fades;
import ai.gaga.audio.PcmAudio;

/**
 * Synthesises ambience beds from filtered noise and sparse events: rain (hiss plus individual drops, heavy rain adds
 * low rumble), wind (slowly swept band of noise), city (low traffic rumble with passing swells), café (murmur: many
 * band-limited noise "voices" with syllable-rate envelopes), night (chirping insects), sea (slow wave swells). Stereo,
 * decorrelated channels, seeded, faded in and out, peak-normalised to a bed level the mixer sets. Thread-safe.
 */
public final class AmbienceGenerator {
    /** Peak of the generated bed. */
    public static final float PEAK = 0.5f;

    /** A bed of {@code seconds} at {@link PcmAudio#STANDARD_RATE}, stereo. */
    public PcmAudio generate(Ambience kind, double seconds, long seed) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("Ambience duration must be positive, got " + seconds);
        }
        int rate = PcmAudio.STANDARD_RATE;
        int frames = (int) Math.round(seconds * rate);
        float[] out = new float[frames * 2];
        for (int ch = 0; ch < 2; ch++) {
            Noise noise = new Noise(seed * 31 + ch * 7919 + kind.ordinal());
            float[] channel = switch (kind) {
                case RAIN_LIGHT -> rain(noise, frames, rate, false);
                case RAIN_HEAVY -> rain(noise, frames, rate, true);
                case WIND -> wind(noise, frames, rate, ch);
                case CITY -> city(noise, frames, rate);
                case CAFE -> cafe(noise, frames, rate);
                case NIGHT -> night(noise, frames, rate);
                case SEA -> sea(noise, frames, rate, ch);
            };
            for (int i = 0; i < frames; i++) {
                out[2 * i + ch] = channel[i];
            }
        }
        Fades.fadeAndNormalise(out, rate, 1.0, 1.5, PEAK);
        return new PcmAudio(out, rate, 2);
    }

    private static float[] rain(Noise n, int frames, int rate, boolean heavy) {
        float[] x = new float[frames];
        double hp = 0;
        double lp = 0;
        double rumble = 0;
        double aLp = Noise.lowpassCoefficient(heavy ? 7000 : 9000, rate);
        double aRumble = Noise.lowpassCoefficient(120, rate);
        for (int i = 0; i < frames; i++) {
            double w = n.white();
            lp += aLp * (w - lp);
            double hiss = lp - hp;
            hp += Noise.lowpassCoefficient(400, rate) * (lp - hp);
            x[i] = (float) (hiss * (heavy ? 0.5 : 0.3));
            if (heavy) {
                rumble += aRumble * (w - rumble);
                x[i] += (float) (rumble * 2.5);
            }
        }
        // individual drops: short decaying clicks with a pitch, a few hundred per second
        double dropsPerSecond = heavy ? 500 : 160;
        int drops = (int) (dropsPerSecond * frames / rate);
        for (int d = 0; d < drops; d++) {
            int at = n.nextInt(frames);
            double f = 1500 + 3500 * n.uniform();
            double amp = 0.05 + 0.15 * n.uniform() * n.uniform();
            int len = Math.min(frames - at, (int) (0.012 * rate));
            for (int i = 0; i < len; i++) {
                x[at + i] += (float) (amp * Math.sin(2 * Math.PI * f * i / rate) * Math.exp(-i / (0.002 * rate)));
            }
        }
        return x;
    }

    private static float[] wind(Noise n, int frames, int rate, int channel) {
        float[] x = new float[frames];
        double low = 0;
        double band = 0;
        double phase = n.uniform() * 10;
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double gust = 0.55 + 0.45 * Math.sin(2 * Math.PI * 0.09 * t + phase) * Math.sin(2 * Math.PI * 0.023 * t
                    + channel);
            double cutoff = 250 + 500 * gust;
            double w = n.white();
            low += Noise.lowpassCoefficient(cutoff, rate) * (w - low);
            band += Noise.lowpassCoefficient(cutoff * 0.5, rate) * (low - band);
            x[i] = (float) ((low - band) * gust * 3);
        }
        return x;
    }

    private static float[] city(Noise n, int frames, int rate) {
        float[] x = new float[frames];
        double rumble = 0;
        double mid = 0;
        double[] swells = new double[6];
        double[] centers = new double[swells.length];
        for (int k = 0; k < swells.length; k++) {
            centers[k] = n.uniform() * frames / (double) rate;
        }
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double w = n.white();
            rumble += Noise.lowpassCoefficient(90, rate) * (w - rumble);
            mid += Noise.lowpassCoefficient(900, rate) * (w - mid);
            double pass = 0;
            for (double c : centers) {
                double d = (t - c) / 1.8; // a car passing: a bell-shaped swell of ~4 s
                pass += Math.exp(-d * d);
            }
            x[i] = (float) (rumble * 5 + mid * 0.12 * (0.4 + pass));
        }
        return x;
    }

    private static float[] cafe(Noise n, int frames, int rate) {
        float[] x = new float[frames];
        int voices = 8;
        for (int v = 0; v < voices; v++) {
            double formant = 350 + 900 * n.uniform();
            double syllable = 3 + 3 * n.uniform();
            double phase = n.uniform() * 2 * Math.PI;
            double lo = 0;
            double hi = 0;
            double talk = n.uniform();
            for (int i = 0; i < frames; i++) {
                double t = i / (double) rate;
                if (i % rate == 0) {
                    talk = Math.min(1, Math.max(0, talk + (n.uniform() - 0.5) * 0.8)); // turns taking
                }
                double env = Math.max(0, Math.sin(2 * Math.PI * syllable * t + phase)) * talk;
                double w = n.white();
                lo += Noise.lowpassCoefficient(formant * 1.6, rate) * (w - lo);
                hi += Noise.lowpassCoefficient(formant * 0.6, rate) * (lo - hi);
                x[i] += (float) ((lo - hi) * env * 0.6);
            }
        }
        return x;
    }

    private static float[] night(Noise n, int frames, int rate) {
        float[] x = new float[frames];
        double hum = 0;
        for (int i = 0; i < frames; i++) {
            hum += Noise.lowpassCoefficient(200, rate) * (n.white() - hum);
            x[i] = (float) (hum * 0.4);
        }
        int insects = 3;
        for (int k = 0; k < insects; k++) {
            double f = 3800 + 1500 * n.uniform();
            double chirpRate = 2.5 + 2 * n.uniform();
            double offset = n.uniform();
            for (int i = 0; i < frames; i++) {
                double t = i / (double) rate;
                double cycle = (t * chirpRate + offset) % 1.0;
                double env = cycle < 0.25 ? Math.sin(Math.PI * cycle / 0.25) : 0;
                double pulse = 0.5 + 0.5 * Math.sin(2 * Math.PI * 40 * t); // the wing-beat flutter
                x[i] += (float) (0.08 * env * pulse * Math.sin(2 * Math.PI * f * t));
            }
        }
        return x;
    }

    private static float[] sea(Noise n, int frames, int rate, int channel) {
        float[] x = new float[frames];
        double lp = 0;
        double period = 7 + n.uniform() * 3;
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double swell = Math.pow(0.5 + 0.5 * Math.sin(2 * Math.PI * t / period + channel * 0.6), 2);
            double cutoff = 300 + 1800 * swell;
            lp += Noise.lowpassCoefficient(cutoff, rate) * (n.white() - lp);
            x[i] = (float) (lp * (0.2 + swell));
        }
        return x;
    }
}
