package ai.gaga.evaluate;

import ai.gaga.face.Blendshapes;
import ai.gaga.face.Blendshapes.Name;
import ai.gaga.scene.Emotion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static ai.gaga.face.Blendshapes.Name.browDownLeft;
import static ai.gaga.face.Blendshapes.Name.browDownRight;
import static ai.gaga.face.Blendshapes.Name.browInnerUp;
import static ai.gaga.face.Blendshapes.Name.browOuterUpLeft;
import static ai.gaga.face.Blendshapes.Name.browOuterUpRight;
import static ai.gaga.face.Blendshapes.Name.eyeLookDownLeft;
import static ai.gaga.face.Blendshapes.Name.eyeLookDownRight;
import static ai.gaga.face.Blendshapes.Name.eyeSquintLeft;
import static ai.gaga.face.Blendshapes.Name.eyeSquintRight;
import static ai.gaga.face.Blendshapes.Name.eyeWideLeft;
import static ai.gaga.face.Blendshapes.Name.eyeWideRight;
import static ai.gaga.face.Blendshapes.Name.jawOpen;
import static ai.gaga.face.Blendshapes.Name.mouthPressLeft;
import static ai.gaga.face.Blendshapes.Name.mouthPressRight;
import static ai.gaga.face.Blendshapes.Name.mouthSmileLeft;
import static ai.gaga.face.Blendshapes.Name.mouthSmileRight;
import static ai.gaga.face.Blendshapes.Name.mouthStretchLeft;
import static ai.gaga.face.Blendshapes.Name.mouthStretchRight;
import static ai.gaga.face.Blendshapes.Name.mouthUpperUpLeft;
import static ai.gaga.face.Blendshapes.Name.mouthUpperUpRight;

/**
 * Which blendshapes show an emotion, and the per-frame signature: the mean weight of those blendshapes (0..1). The
 * mean, not the sum, so signatures of different emotions are on one scale. The sets follow FACS descriptions of the
 * basic emotions in ARKit terms, both sides of the face for every left/right pair; tenderness, not a basic emotion,
 * is read as a soft smile.
 */
public final class EmotionSignature {
    private static final Map<Emotion, List<Name>> SHAPES = new EnumMap<>(Emotion.class);

    static {
        // cheekSquint is dead in the landmark blendshape model: 0.000 on both fixture photos at rest, smiling, and
        // with the rig's cheek raise at full weight (measured by ReadbackProbe), so joy is read on the smile alone.
        SHAPES.put(Emotion.JOY, List.of(mouthSmileLeft, mouthSmileRight));
        // sadness: inner brows up and the downcast gaze that goes with them. mouthFrown is left out: it stays under
        // 0.02 on every face we measured, and the rig's full lip-corner pull moves it by less than 0.03 while it moves
        // mouthSmile by 0.2-0.3 (the model sees a frown only as a lost smile).
        SHAPES.put(Emotion.SADNESS, List.of(browInnerUp, eyeLookDownLeft, eyeLookDownRight));
        // noseSneer stays at 0 on every face we measured (the landmark model does not see the nose wrinkle), so it
        // would only dilute: anger reads as lowered brows, narrowed eyes and pressed lips. mouthPress barely moves
        // either: the face mesh keeps its lips' thickness whatever the picture shows (the rig thinning them by
        // 0.05-0.11 IOD changed the re-detected thickness by under 0.005), and the blendshape model reads pressing
        // from that thickness (fed the rig's own landmarks at full MOUTH_PRESS it reads +0.01/+0.13 on the
        // astronaut/Grace Hopper, up to +0.30 with stronger thinning; re-detected from the picture, -0.01..+0.02 for
        // every shape tried, 2026-11). It stays as anger's FACS signature, at the cost of a third of anger's rise.
        SHAPES.put(Emotion.ANGER, List.of(browDownLeft, browDownRight, eyeSquintLeft, eyeSquintRight, mouthPressLeft,
                mouthPressRight));
        SHAPES.put(Emotion.SURPRISE, List.of(eyeWideLeft, eyeWideRight, browOuterUpLeft, browOuterUpRight, jawOpen));
        SHAPES.put(Emotion.FEAR, List.of(eyeWideLeft, eyeWideRight, browInnerUp, mouthStretchLeft,
                mouthStretchRight));
        SHAPES.put(Emotion.DISGUST, List.of(mouthUpperUpLeft, mouthUpperUpRight, browDownLeft, browDownRight));
        SHAPES.put(Emotion.TENDERNESS, List.of(mouthSmileLeft, mouthSmileRight));
    }

    private EmotionSignature() {
    }

    /**
     * The blendshapes read for an emotion.
     *
     * @throws IllegalArgumentException for {@link Emotion#NEUTRAL}, which is the reference, not a signature
     */
    public static List<Name> shapes(Emotion emotion) {
        List<Name> s = SHAPES.get(Objects.requireNonNull(emotion, "emotion"));
        if (s == null) {
            throw new IllegalArgumentException("No blendshape signature for " + emotion
                    + ": neutral frames are the reference the other emotions are measured against");
        }
        return s;
    }

    /** The signature of {@code emotion} in one frame's blendshapes, 0..1. */
    public static double of(Emotion emotion, Blendshapes weights) {
        return of(emotion, weights.weights());
    }

    /** The signature of {@code emotion} over 52 weights in {@link Name} order. */
    public static double of(Emotion emotion, float[] weights) {
        if (weights.length != Blendshapes.COUNT) {
            throw new IllegalArgumentException("Expected " + Blendshapes.COUNT + " weights, got " + weights.length);
        }
        List<Name> s = shapes(emotion);
        double sum = 0;
        for (Name n : s) {
            sum += weights[n.ordinal()];
        }
        return sum / s.size();
    }
}
