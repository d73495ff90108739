package ai.gaga.direction;

import ai.gaga.scene.Voice;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;

import java.util.Objects;

/**
 * The direction of one spoken line: what it is acted with and where each part came from.
 *
 * @param index          position among the scene's lines, from 0
 * @param actor          who says it
 * @param text           what is said
 * @param language       the language of the words (primary subtag: {@code en}, {@code fr}, {@code zh}…)
 * @param voice          the voice that speaks it: the actor's, or one of the words' language where the actor's cannot
 *                       read them ({@link ai.gaga.voice.LineVoices}); chosen here once for the whole render
 * @param reading        what the analyser read in the words, whatever the markup says (for inspection)
 * @param emotion        the emotion to act: the markup's when given, else the reading's
 * @param intensity      its intensity, 0..1
 * @param emotionSource  whether the emotion came from markup or inference
 * @param arc            how the emotion turns inside the line (only inferred emotions carry one)
 * @param delivery       how the line is spoken: the markup's when given, else the inferred one
 * @param deliverySource whether the delivery came from markup or inference
 */
public record DirectedLine(int index, String actor, String text, String language, Voice voice, EmotionReading reading,
                           Emotion emotion, double intensity, Source emotionSource, EmotionArc arc,
                           Delivery delivery, Source deliverySource) {
    public DirectedLine {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(emotionSource, "emotionSource");
        Objects.requireNonNull(arc, "arc");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(deliverySource, "deliverySource");
        if (index < 0) {
            throw new IllegalArgumentException("Line index must be 0 or more, got " + index);
        }
        if (!(intensity >= 0 && intensity <= 1)) {
            throw new IllegalArgumentException("Intensity must be within 0..1, got " + intensity);
        }
    }
}
