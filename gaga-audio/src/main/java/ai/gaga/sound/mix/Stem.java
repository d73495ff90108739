package ai.gaga.sound.mix;

import ai.gaga.audio.PcmAudio;

import java.util.Objects;

/**
 * One sound placed in the mix.
 *
 * @param audio  mono or stereo at the mix rate
 * @param start  seconds from the clip start
 * @param gainDb level change, dB
 * @param pan    -1 (left) .. 1 (right); applied to mono sources, stereo ones keep their image
 * @param role   what it is: decides ducking and which stem it lands in
 */
public record Stem(PcmAudio audio, double start, double gainDb, double pan, Role role) {
    public Stem {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(role, "role");
        if (start < 0 || pan < -1 || pan > 1) {
            throw new IllegalArgumentException("Bad stem placement start=" + start + " pan=" + pan);
        }
    }

    /** What a sound is in the mix. */
    public enum Role {
        /** Speech: on top, never ducked. */
        DIALOGUE,
        /** Score: ducked under speech. */
        MUSIC,
        /** Background bed: ducked under speech. */
        AMBIENCE,
        /** One-shots: not ducked. */
        EFFECT
    }
}
