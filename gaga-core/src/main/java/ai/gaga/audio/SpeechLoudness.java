package ai.gaga.audio;

import java.util.Arrays;

/**
 * The loud level of speech from its short-term RMS values, one definition for the voices' levelling and the lip
 * sync's loudness: the 90th percentile of the values above a tenth of their 95th percentile. The loud syllables set
 * it, whatever a few frames of click or vocoder burst do (a maximum would let them set both the gate and the level).
 */
@ai.gaga.Internal
public final class SpeechLoudness {
    private SpeechLoudness() {
    }

    /**
     * The loud level of {@code rms} (short-term RMS values in any order, left unchanged), or 0 when its 95th
     * percentile is under {@code silence} or there are no values.
     */
    public static double reference(double[] rms, double silence) {
        if (rms.length == 0) {
            return 0;
        }
        double[] sorted = rms.clone();
        Arrays.sort(sorted);
        double loud = sorted[(int) Math.floor(0.95 * (sorted.length - 1))];
        if (loud < silence) {
            return 0;
        }
        double floor = 0.1 * loud;
        double[] voiced = Arrays.stream(sorted).filter(v -> v > floor).toArray();
        return voiced[(int) Math.floor(0.9 * (voiced.length - 1))];
    }
}
