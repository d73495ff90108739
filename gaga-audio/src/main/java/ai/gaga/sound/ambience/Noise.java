package ai.gaga.sound.ambience;

import java.util.SplittableRandom;

/** Seeded noise sources and one-pole filters shared by the beds and effects. */
final class Noise {
    private final SplittableRandom random;

    Noise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double white() {
        return random.nextDouble() * 2 - 1;
    }

    double uniform() {
        return random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** One-pole low-pass coefficient for a cut-off frequency. */
    static double lowpassCoefficient(double cutoffHz, int rate) {
        return 1 - Math.exp(-2 * Math.PI * cutoffHz / rate);
    }
}
