package ai.gaga.sound.music;

import ai.gaga.audio.processing.Fades;
import ai.gaga.audio.PcmAudio;

import java.util.List;

/**
 * Procedural film score: follows a mood arc (key, mode, tempo, harmony and instruments change at the bar after each
 * turn), starts with a fade-in, resolves on the tonic and fades out, and is peak-normalised as a bed that sits under
 * dialogue. No model weights; seeded, so the same scene gets the same music. Thread-safe (stateless).
 */
public final class ScoreGenerator {
    /** Peak level of the finished score (the mixer sets its final level). */
    public static final float PEAK = 0.5f;
    static final double FADE_IN = 1.5;
    static final double FADE_OUT = 2.5;

    /** Stereo score at {@link PcmAudio#STANDARD_RATE}, exactly {@code durationSeconds} long. */
    public PcmAudio generate(List<MoodSegment> arc, double durationSeconds, long seed) {
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("Score duration must be positive, got " + durationSeconds);
        }
        int rate = PcmAudio.STANDARD_RATE;
        int frames = (int) Math.round(durationSeconds * rate);
        List<Note> notes = Composer.compose(arc, durationSeconds, seed);
        float[] stereo = new Synthesizer(rate, seed).render(notes, frames);
        Fades.fadeAndNormalise(stereo, rate, FADE_IN, FADE_OUT, PEAK);
        return new PcmAudio(stereo, rate, 2);
    }

    /** The same score for one mood. */
    public PcmAudio generate(Mood mood, double durationSeconds, long seed) {
        return generate(List.of(new MoodSegment(0, mood)), durationSeconds, seed);
    }
}
