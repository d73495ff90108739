package ai.gaga.scene;

import java.util.Objects;

/**
 * One spoken line.
 *
 * @param actor     name of the actor who says it
 * @param text      what is said (not blank)
 * @param emotion   the emotion it is acted with
 * @param intensity how strongly, 0..1
 * @param delivery  how it is spoken
 */
public record Line(String actor, String text, Emotion emotion, double intensity, Delivery delivery)
        implements SceneElement {
    public Line {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(delivery, "delivery");
        if (!(intensity >= 0 && intensity <= 1)) {
            throw new IllegalArgumentException("Emotion intensity must be within 0..1, got " + intensity);
        }
    }

    /** A neutral, normally delivered line. */
    public static Line of(String actor, String text) {
        return new Line(actor, text, Emotion.NEUTRAL, 0.0, Delivery.NORMAL);
    }

    public Line withEmotion(Emotion newEmotion, double newIntensity) {
        return new Line(actor, text, newEmotion, newIntensity, delivery);
    }

    public Line withDelivery(Delivery newDelivery) {
        return new Line(actor, text, emotion, intensity, newDelivery);
    }
}
