package ai.gaga.sound.music;

/** Diatonic modes as semitone offsets of the seven degrees. */
public enum Scale {
    MAJOR(new int[] {0, 2, 4, 5, 7, 9, 11}),
    MINOR(new int[] {0, 2, 3, 5, 7, 8, 10});

    private final int[] steps;

    Scale(int[] steps) {
        this.steps = steps;
    }

    /** Semitones above the root of a scale degree (may exceed 7 degrees: wraps into higher octaves). */
    public int semitones(int degree) {
        int octave = Math.floorDiv(degree, 7);
        return steps[Math.floorMod(degree, 7)] + 12 * octave;
    }

    /** MIDI notes of the triad built on a degree, root position. */
    public int[] triad(int root, int degree) {
        return new int[] {root + semitones(degree), root + semitones(degree + 2), root + semitones(degree + 4)};
    }
}
