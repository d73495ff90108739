package ai.gaga.sound.music;

/**
 * One note of the score.
 *
 * @param start      seconds from the start
 * @param duration   seconds the note is held (its release rings on after)
 * @param midi       MIDI pitch (ignored by percussion)
 * @param velocity   loudness 0..1
 * @param instrument what plays it
 */
public record Note(double start, double duration, int midi, double velocity, Instrument instrument) {
    /** Frequency in Hz (A4 = MIDI 69 = 440 Hz). */
    public double frequency() {
        return 440.0 * Math.pow(2, (midi - 69) / 12.0);
    }
}
