package ai.gaga.animation;

import java.util.Locale;
import java.util.Random;

/** Independent, reproducible random streams per actor and per concern (blinks, gaze, head…). */
final class Seeds {
    private Seeds() {
    }

    /**
     * A random stream for one concern of one actor. {@link Random} is used on purpose: its algorithm is specified,
     * so the same seed gives the same performance on every JVM.
     */
    static Random stream(long sceneSeed, String actor, String concern) {
        long h = sceneSeed;
        h = mix(h ^ actor.toLowerCase(Locale.ROOT).hashCode());
        h = mix(h ^ concern.hashCode());
        return new Random(h);
    }

    /** SplitMix64 finaliser: neighbouring inputs give unrelated outputs. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
