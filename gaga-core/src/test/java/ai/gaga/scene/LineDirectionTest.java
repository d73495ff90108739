package ai.gaga.scene;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether a line's emotion and delivery were given, and its emotion arc. */
class LineDirectionTest {
    @Test
    void theOldConstructorsTellGivenFromNotGivenAsBefore() {
        Line plain = Line.of("MAYA", "Hello.");
        assertFalse(plain.emotionGiven());
        assertFalse(plain.deliveryGiven());
        assertTrue(plain.arc().isEmpty());
        Line sad = new Line("MAYA", "Hello.", Emotion.SADNESS, 0.7, Delivery.WHISPER);
        assertTrue(sad.emotionGiven());
        assertTrue(sad.deliveryGiven());
        Line explicitNeutral = new Line("MAYA", "Hello.", Emotion.NEUTRAL, 0.7, Delivery.NORMAL);
        assertTrue(explicitNeutral.emotionGiven(), "(neutral) in a script reads as neutral at 0.7");
    }

    @Test
    void shapingALineGivesItAndInferringLeavesItOpen() {
        Line given = Line.of("MAYA", "Hello.").withEmotion(Emotion.NEUTRAL, 0.0).withDelivery(Delivery.NORMAL);
        assertTrue(given.emotionGiven());
        assertTrue(given.deliveryGiven());
        EmotionArc arc = new EmotionArc(List.of(new EmotionArc.Segment(0, 3, Emotion.JOY, 0.6),
                new EmotionArc.Segment(3, 6, Emotion.SADNESS, 0.7)));
        Line inferred = Line.of("MAYA", "Hello.").withInferredEmotion(Emotion.SADNESS, 0.7, arc)
                .withInferredDelivery(Delivery.SOFT);
        assertFalse(inferred.emotionGiven());
        assertFalse(inferred.deliveryGiven());
        assertEquals(arc, inferred.arc());
        assertEquals(arc, inferred.withActor("LEO").withStart(LineStart.SEQUENTIAL).arc());
        assertTrue(inferred.withEmotion(Emotion.JOY, 0.5).arc().isEmpty(), "an emotion asked for drops the arc");
    }

    @Test
    void anArcMustCoverTheTextWithoutGaps() {
        assertThrows(IllegalArgumentException.class, () -> new EmotionArc(List.of(
                new EmotionArc.Segment(0, 2, Emotion.JOY, 0.5), new EmotionArc.Segment(3, 6, Emotion.FEAR, 0.5))));
        EmotionArc short1 = new EmotionArc(List.of(new EmotionArc.Segment(0, 2, Emotion.JOY, 0.5),
                new EmotionArc.Segment(2, 4, Emotion.FEAR, 0.5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Line.of("MAYA", "Hello.").withInferredEmotion(Emotion.FEAR, 0.5, short1));
        assertTrue(e.getMessage().contains("end of the text"), e.getMessage());
    }
}
