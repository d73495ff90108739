package ai.gaga.animation;

import java.util.Random;

/**
 * Smooth seeded noise in -1..1: a sum of three sines with random frequencies and phases. Cheap, infinitely smooth
 * and free of the periodic look of a single sine.
 */
final class SmoothNoise {
    private static final double[] WEIGHTS = {1.0, 0.6, 0.35};
    private final double[] freq = new double[3];
    private final double[] phase = new double[3];
    private final double norm;

    /** Noise whose components lie between {@code minHz} and {@code maxHz}. */
    SmoothNoise(Random random, double minHz, double maxHz) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            freq[i] = minHz + random.nextDouble() * (maxHz - minHz);
            phase[i] = random.nextDouble() * 2 * Math.PI;
            sum += WEIGHTS[i];
        }
        norm = 1 / sum;
    }

    double at(double t) {
        double v = 0;
        for (int i = 0; i < 3; i++) {
            v += WEIGHTS[i] * Math.sin(2 * Math.PI * freq[i] * t + phase[i]);
        }
        return v * norm;
    }
}
