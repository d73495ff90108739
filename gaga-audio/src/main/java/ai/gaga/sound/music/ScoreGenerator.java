package ai.gaga.sound.music;

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
        shape(stereo, rate);
        return new PcmAudio(stereo, rate, 2);
    }

    /** The same score for one mood. */
    public PcmAudio generate(Mood mood, double durationSeconds, long seed) {
        return generate(List.of(new MoodSegment(0, mood)), durationSeconds, seed);
    }

    /** Fades (raised cosine) and peak normalisation. */
    private static void shape(float[] stereo, int rate) {
        int frames = stereo.length / 2;
        int in = (int) Math.min(frames / 3, FADE_IN * rate);
        int out = (int) Math.min(frames / 3, FADE_OUT * rate);
        float peak = 1e-9f;
        for (int i = 0; i < frames; i++) {
            double g = 1;
            if (i < in) {
                g = 0.5 - 0.5 * Math.cos(Math.PI * i / in);
            }
            int fromEnd = frames - 1 - i;
            if (fromEnd < out) {
                g *= 0.5 - 0.5 * Math.cos(Math.PI * fromEnd / out);
            }
            stereo[2 * i] *= (float) g;
            stereo[2 * i + 1] *= (float) g;
            peak = Math.max(peak, Math.max(Math.abs(stereo[2 * i]), Math.abs(stereo[2 * i + 1])));
        }
        float scale = PEAK / peak;
        for (int i = 0; i < stereo.length; i++) {
            stereo[i] *= scale;
        }
    }
}
