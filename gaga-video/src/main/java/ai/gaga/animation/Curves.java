package ai.gaga.animation;

/** Small numeric helpers shared by the animation passes. */
final class Curves {
    private Curves() {
    }

    /** 0 below 0, 1 above 1, a smooth S in between (zero slope at both ends). */
    static double smoothstep(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return x * x * (3 - 2 * x);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /**
     * Zero-phase Gaussian smoothing of a uniformly sampled curve (no lag, so an ease starts before the step it
     * softens). Edges are extended with the end values.
     *
     * @param sigma standard deviation in samples
     */
    static float[] gaussian(float[] in, double sigma) {
        if (sigma < 0.5 || in.length == 0) {
            return in.clone();
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += kernel[i + radius];
        }
        float[] out = new float[in.length];
        int last = in.length - 1;
        for (int i = 0; i < in.length; i++) {
            double v = 0;
            for (int k = -radius; k <= radius; k++) {
                int j = Math.max(0, Math.min(last, i + k));
                v += kernel[k + radius] * in[j];
            }
            out[i] = (float) (v / sum);
        }
        return out;
    }

    /** Seconds at each end of a clip where the idle life (wander, saccades) rests, at most. */
    static final double SETTLE_HOLD = 1.0;
    /** Seconds over which the idle life fades in after the hold and out before the end one, at most. */
    static final double SETTLE_RAMP = 2.0;

    /**
     * How much idle life shows in each frame, 0..1: none in the first and last {@link #SETTLE_HOLD} s, easing in
     * and out over {@link #SETTLE_RAMP} s (both shrink for clips under 10 s). Idle wander is seeded noise, so without
     * this the clip would end on whatever pose the noise had reached; with it every clip opens and closes on the
     * photo's own pose, and a still actor's first and last second match (the rest-drift target).
     */
    static float[] settle(int frames, int fps) {
        double duration = frames / (double) fps;
        double hold = Math.min(SETTLE_HOLD, 0.1 * duration);
        double ramp = Math.min(SETTLE_RAMP, 0.2 * duration);
        float[] out = new float[frames];
        for (int f = 0; f < frames; f++) {
            double t = time(f, fps);
            // The last frame shows the instant (frames - 1) / fps: measure the tail from there, so it mirrors the head.
            double fromEnd = time(frames - 1 - f, fps);
            out[f] = (float) (smoothstep((t - hold) / ramp) * smoothstep((fromEnd - hold) / ramp));
        }
        return out;
    }

    /** Time in seconds of frame {@code f}: the frame shows the instant it starts (as {@code Timeline.frameAt}). */
    static double time(int frame, int fps) {
        return frame / (double) fps;
    }
}
