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

    /** Time in seconds of frame {@code f}: the frame shows the instant it starts (as {@code Timeline.frameAt}). */
    static double time(int frame, int fps) {
        return frame / (double) fps;
    }
}
