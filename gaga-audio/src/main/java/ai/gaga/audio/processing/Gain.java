package ai.gaga.audio.processing;

import ai.gaga.audio.PcmAudio;

/**
 * Changes a signal's level. Where the result would leave [-1, 1], peaks are bent smoothly towards a ceiling instead
 * of being clipped (a soft knee), which keeps a raised voice loud without the crackle of hard clipping.
 */
public final class Gain {
    /** Below this level samples pass unchanged. */
    static final double KNEE = 0.7;
    /** No sample ever reaches beyond this. */
    static final double CEILING = 0.98;

    private Gain() {
    }

    /** A copy of {@code audio} multiplied by {@code gain}, soft-limited to {@link #CEILING}. */
    public static PcmAudio apply(PcmAudio audio, double gain) {
        if (!(gain >= 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("Gain must be a finite non-negative number, got " + gain);
        }
        float[] in = audio.samples();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) softLimit(in[i] * gain);
        }
        return new PcmAudio(out, audio.sampleRate(), audio.channels());
    }

    /** Identity up to the knee, then a tanh curve that meets it with the same slope and approaches the ceiling. */
    static double softLimit(double x) {
        double a = Math.abs(x);
        if (a <= KNEE) {
            return x;
        }
        double room = CEILING - KNEE;
        return Math.signum(x) * (KNEE + room * Math.tanh((a - KNEE) / room));
    }
}
