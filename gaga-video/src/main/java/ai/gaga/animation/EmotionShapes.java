package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.scene.Emotion;

import java.util.EnumMap;
import java.util.Map;

import static ai.gaga.rig.FaceControl.BROW_DOWN;
import static ai.gaga.rig.FaceControl.BROW_INNER_UP;
import static ai.gaga.rig.FaceControl.BROW_OUTER_UP;
import static ai.gaga.rig.FaceControl.CHEEK_SQUINT;
import static ai.gaga.rig.FaceControl.EYE_SQUINT;
import static ai.gaga.rig.FaceControl.EYE_WIDE;
import static ai.gaga.rig.FaceControl.GAZE_Y;
import static ai.gaga.rig.FaceControl.HEAD_PITCH;
import static ai.gaga.rig.FaceControl.HEAD_ROLL;
import static ai.gaga.rig.FaceControl.JAW_OPEN;
import static ai.gaga.rig.FaceControl.MOUTH_DIMPLE;
import static ai.gaga.rig.FaceControl.MOUTH_FROWN;
import static ai.gaga.rig.FaceControl.MOUTH_PRESS;
import static ai.gaga.rig.FaceControl.MOUTH_SMILE;
import static ai.gaga.rig.FaceControl.MOUTH_STRETCH;
import static ai.gaga.rig.FaceControl.MOUTH_UPPER_UP;
import static ai.gaga.rig.FaceControl.NOSE_SNEER;

/**
 * The expression of each emotion at full intensity, as offsets of the face controls (a weight 0..1, or degrees and
 * gaze units for the signed ones). Intensity scales them linearly.
 */
final class EmotionShapes {
    private static final Map<Emotion, float[]> SHAPES = new EnumMap<>(Emotion.class);

    static {
        shape(Emotion.NEUTRAL);
        shape(Emotion.JOY, MOUTH_SMILE, 0.75, CHEEK_SQUINT, 0.5, EYE_SQUINT, 0.22, MOUTH_DIMPLE, 0.2,
                BROW_OUTER_UP, 0.1, HEAD_PITCH, 1.5);
        // The downcast look of sadness is in the eyes more than in the head (-0.45 gaze reads as eyeLookDown on
        // re-detection; -0.3 was lost under the gaze layer's own glances).
        shape(Emotion.SADNESS, BROW_INNER_UP, 0.7, MOUTH_FROWN, 0.55, MOUTH_PRESS, 0.1, EYE_SQUINT, 0.1,
                GAZE_Y, -0.45, HEAD_PITCH, -4.0);
        // Anger is lowered, drawn brows over narrowed eyes and pressed lips (FACS 4+5/7+23) with only a trace of the
        // nose wrinkle: at 0.35 the sneer parted the lips (mouthLowerDown/UpperUp rose, mouthPress fell on
        // re-detection), working against the pressed mouth.
        shape(Emotion.ANGER, BROW_DOWN, 0.85, EYE_SQUINT, 0.7, NOSE_SNEER, 0.2, MOUTH_PRESS, 0.4, MOUTH_FROWN, 0.15,
                HEAD_PITCH, -2.0);
        shape(Emotion.FEAR, BROW_INNER_UP, 0.7, BROW_OUTER_UP, 0.3, EYE_WIDE, 0.6, MOUTH_STRETCH, 0.45,
                HEAD_PITCH, -1.5);
        shape(Emotion.SURPRISE, BROW_INNER_UP, 0.6, BROW_OUTER_UP, 0.75, EYE_WIDE, 0.7, JAW_OPEN, 0.2,
                HEAD_PITCH, 2.0);
        // Disgust is the nose wrinkled and the upper lip raised (FACS 9+10) under lowered brows. The lip corners are
        // not pulled down (AU15): on the rig drawn and re-read (DisgustProbe, astronaut, 2026-12-07) a frown of 0.2
        // took the re-detected mouthUpperUp from 0.06 to 0.03 (0.1: signature rise +0.037 in ActingEvaluationTest's
        // render against +0.054 without); the lip at 0.9 rather than 0.75 read 0.10 against 0.06.
        shape(Emotion.DISGUST, NOSE_SNEER, 0.6, MOUTH_UPPER_UP, 0.9, BROW_DOWN, 0.5, EYE_SQUINT, 0.3,
                HEAD_PITCH, -1.0);
        shape(Emotion.TENDERNESS, MOUTH_SMILE, 0.35, CHEEK_SQUINT, 0.15, EYE_SQUINT, 0.15, BROW_INNER_UP, 0.2,
                HEAD_ROLL, 4.0);
    }

    private EmotionShapes() {
    }

    private static void shape(Emotion e, Object... pairs) {
        float[] s = new float[FaceControl.count()];
        for (int i = 0; i < pairs.length; i += 2) {
            s[((FaceControl) pairs[i]).ordinal()] = ((Number) pairs[i + 1]).floatValue();
        }
        SHAPES.put(e, s);
    }

    /** Offsets per control ordinal at intensity 1; do not modify. */
    static float[] of(Emotion e) {
        return SHAPES.get(e);
    }

    /**
     * What a listener shows, at reduced intensity, when another actor speaks with this emotion: a mirrored smile for
     * joy and tenderness, concern (the sad brow) for sadness, worry for anger and fear.
     */
    static Emotion mirror(Emotion speaker) {
        return switch (speaker) {
            case JOY, TENDERNESS -> Emotion.JOY;
            case SADNESS -> Emotion.SADNESS;
            case ANGER, FEAR -> Emotion.FEAR;
            case SURPRISE -> Emotion.SURPRISE;
            case DISGUST -> Emotion.DISGUST;
            case NEUTRAL -> Emotion.NEUTRAL;
        };
    }
}
