package ai.gaga.sound.music;

/** The synthesised instruments of the score, each with its stereo position. */
public enum Instrument {
    PAD(0.0), PIANO(0.15), PLUCK(0.25), BASS(0.0), KICK(0.0), HAT(-0.3);

    private final double pan;

    Instrument(double pan) {
        this.pan = pan;
    }

    /** -1 (left) .. 1 (right). */
    public double pan() {
        return pan;
    }
}
