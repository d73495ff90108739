package ai.gaga.animation;

import ai.gaga.scene.Emotion;

/** Test access to the package-private emotion poses (for the rig probes). */
public final class EmotionShapesAccess {
    private EmotionShapesAccess() {
    }

    /** Disgust's control offsets at intensity 1, per control ordinal (a copy). */
    public static float[] disgust() {
        return EmotionShapes.of(Emotion.DISGUST).clone();
    }
}
