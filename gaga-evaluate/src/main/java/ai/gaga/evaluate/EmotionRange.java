package ai.gaga.evaluate;

import ai.gaga.scene.Emotion;

import java.util.Objects;

/**
 * A stretch of a clip in which the actor is meant to show one emotion (e.g. taken from a render's timeline).
 * {@link Emotion#NEUTRAL} ranges are the actor's reference for the blendshape signatures.
 *
 * @param emotion the emotion asked for
 * @param range   when
 */
public record EmotionRange(Emotion emotion, TimeRange range) {
    public EmotionRange {
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(range, "range");
    }

    /** Shorthand for {@code new EmotionRange(emotion, new TimeRange(start, end))}. */
    public static EmotionRange of(Emotion emotion, double start, double end) {
        return new EmotionRange(emotion, new TimeRange(start, end));
    }
}
