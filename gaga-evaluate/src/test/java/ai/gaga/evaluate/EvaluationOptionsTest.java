package ai.gaga.evaluate;

import ai.gaga.face.Blendshapes;
import ai.gaga.scene.Emotion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationOptionsTest {
    @Test
    void defaultsAndBuilder() {
        EvaluationOptions d = EvaluationOptions.defaults();
        assertEquals(10, d.maxLagFrames());
        assertEquals(0.3, d.minSilenceSeconds());
        assertFalse(d.blendshapes());
        EvaluationOptions o = d.toBuilder().emotion(EmotionRange.of(Emotion.JOY, 1, 2)).maxLagFrames(5).build();
        assertTrue(o.blendshapes(), "emotion ranges need blendshapes");
        assertEquals(5, o.maxLagFrames());
        assertEquals(1, o.emotionRanges().size());
        assertTrue(d.emotionRanges().isEmpty(), "defaults unchanged");
        assertThrows(UnsupportedOperationException.class,
                () -> o.emotionRanges().add(EmotionRange.of(Emotion.JOY, 0, 1)));
    }

    @Test
    void badValuesAreRejectedWithTheValue() {
        EvaluationOptions.Builder b = EvaluationOptions.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.maxLagFrames(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.silenceDb(0));
        assertThrows(IllegalArgumentException.class, () -> b.minSilenceSeconds(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> b.closedFraction(1.5));
        assertThrows(IllegalArgumentException.class, () -> b.driftWindowSeconds(-1));
        e = assertThrows(IllegalArgumentException.class, () -> new TimeRange(2, 1));
        assertTrue(e.getMessage().contains("[2.0, 1.0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContactSheet.of(0, 100, 100));
    }

    @Test
    void analysedRangesChooseTheFrames() {
        assertTrue(EvaluationOptions.defaults().analyses(123.4), "every frame by default");
        EvaluationOptions o = EvaluationOptions.builder().analyse(new TimeRange(0, 1.5))
                .analyse(new TimeRange(57, 58.5)).build();
        assertTrue(o.analyses(0) && o.analyses(1.49) && o.analyses(57) && o.analyses(58.4));
        assertFalse(o.analyses(1.5) || o.analyses(30) || o.analyses(58.5));
        assertEquals(o.analysedRanges(), o.toBuilder().build().analysedRanges());
        assertThrows(NullPointerException.class, () -> EvaluationOptions.builder().analyse(null));
    }

    @Test
    void timeRangeIsHalfOpen() {
        TimeRange r = new TimeRange(1, 2);
        assertTrue(r.contains(1));
        assertTrue(r.contains(1.999));
        assertFalse(r.contains(2));
        assertEquals(1, r.duration());
    }

    @Test
    void signaturesReadTheirOwnShapes() {
        for (Emotion e : Emotion.values()) {
            if (e == Emotion.NEUTRAL) {
                assertThrows(IllegalArgumentException.class, () -> EmotionSignature.shapes(e));
                continue;
            }
            float[] w = new float[Blendshapes.COUNT];
            assertEquals(0, EmotionSignature.of(e, w));
            for (Blendshapes.Name n : EmotionSignature.shapes(e)) {
                w[n.ordinal()] = 1;
            }
            assertEquals(1, EmotionSignature.of(e, new Blendshapes(w)), 1e-9, e.name());
        }
        float[] smile = new float[Blendshapes.COUNT];
        smile[Blendshapes.Name.mouthSmileLeft.ordinal()] = 0.8f;
        smile[Blendshapes.Name.mouthSmileRight.ordinal()] = 0.8f;
        assertTrue(EmotionSignature.of(Emotion.JOY, smile) > EmotionSignature.of(Emotion.SADNESS, smile));
        // joy is read on the smile alone (cheekSquint is dead in the landmark model)
        assertEquals(0.8, EmotionSignature.of(Emotion.JOY, smile), 1e-6);
    }
}
