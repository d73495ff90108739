package ai.gaga.sound.music;

/**
 * The recipe of a mood.
 *
 * @param rootMidi    MIDI note of the key's root (60 = middle C)
 * @param scale       major or minor
 * @param tempoBpm    beats per minute
 * @param progression scale degrees (0-based) of the chords, one per bar, looped
 * @param density     0..1, how busy the arpeggio is
 * @param pluck       plucked-string arpeggio (else piano)
 * @param pad         sustained pad under the harmony
 * @param percussion  soft kick and hat
 */
public record MoodProfile(int rootMidi, Scale scale, double tempoBpm, int[] progression, double density,
                          boolean pluck, boolean pad, boolean percussion) {
    static MoodProfile of(int root, Scale scale, double bpm, int[] progression, double density, boolean pluck,
                          boolean pad, boolean percussion) {
        return new MoodProfile(root, scale, bpm, progression.clone(), density, pluck, pad, percussion);
    }

    /** Seconds per beat. */
    public double beatSeconds() {
        return 60.0 / tempoBpm;
    }
}
