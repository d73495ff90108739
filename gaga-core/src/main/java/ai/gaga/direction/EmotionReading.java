package ai.gaga.direction;

import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the analyser reads in one line.
 *
 * @param emotion   the dominant emotion ({@link Emotion#NEUTRAL} when nothing stands out)
 * @param intensity how strongly, 0..1 (0 for neutral)
 * @param scores    the evidence for each emotion found in the words, punctuation and scene (0 and up; not
 *                  probabilities); emotions without evidence are absent
 * @param arc       how the emotion turns inside the line; {@link EmotionArc#NONE} when it does not
 */
public record EmotionReading(Emotion emotion, double intensity, Map<Emotion, Double> scores, EmotionArc arc) {
    /** A line that says nothing in particular. */
    public static final EmotionReading NEUTRAL = new EmotionReading(Emotion.NEUTRAL, 0, Map.of(), EmotionArc.NONE);

    public EmotionReading {
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(arc, "arc");
        if (!(intensity >= 0 && intensity <= 1)) {
            throw new IllegalArgumentException("Intensity must be within 0..1, got " + intensity);
        }
        scores = scores.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(scores));
    }

    /** The evidence for one emotion, 0 when there is none. */
    public double score(Emotion e) {
        return scores.getOrDefault(e, 0.0);
    }

    /** Whether the emotion turns inside the line. */
    public boolean turns() {
        return !arc.isEmpty();
    }
}
