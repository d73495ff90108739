package ai.gaga.face;

import java.util.Arrays;

/**
 * The 52 ARKit-style blendshape weights, 0..1, in MediaPipe's order ({@link Name}).
 *
 * @param weights 52 weights, indexed by {@link Name#ordinal()}
 */
public record Blendshapes(float[] weights) {

    /** Blendshape names in the model's output order (the enum constant's name is MediaPipe's name). */
    public enum Name {
        _neutral, browDownLeft, browDownRight, browInnerUp, browOuterUpLeft, browOuterUpRight, cheekPuff,
        cheekSquintLeft, cheekSquintRight, eyeBlinkLeft, eyeBlinkRight, eyeLookDownLeft, eyeLookDownRight,
        eyeLookInLeft, eyeLookInRight, eyeLookOutLeft, eyeLookOutRight, eyeLookUpLeft, eyeLookUpRight, eyeSquintLeft,
        eyeSquintRight, eyeWideLeft, eyeWideRight, jawForward, jawLeft, jawOpen, jawRight, mouthClose,
        mouthDimpleLeft, mouthDimpleRight, mouthFrownLeft, mouthFrownRight, mouthFunnel, mouthLeft,
        mouthLowerDownLeft, mouthLowerDownRight, mouthPressLeft, mouthPressRight, mouthPucker, mouthRight,
        mouthRollLower, mouthRollUpper, mouthShrugLower, mouthShrugUpper, mouthSmileLeft, mouthSmileRight,
        mouthStretchLeft, mouthStretchRight, mouthUpperUpLeft, mouthUpperUpRight, noseSneerLeft, noseSneerRight
    }

    /** Number of blendshapes. */
    public static final int COUNT = 52;

    public Blendshapes {
        if (weights.length != COUNT) {
            throw new IllegalArgumentException("Expected " + COUNT + " blendshape weights, got " + weights.length);
        }
        weights = weights.clone();
    }

    /** Weight of one blendshape. */
    public double get(Name name) {
        return weights[name.ordinal()];
    }

    /** Weight by MediaPipe name, e.g. {@code "jawOpen"}; unknown names throw. */
    public double get(String name) {
        return get(Name.valueOf(name));
    }

    /** A copy of all weights. */
    @Override
    public float[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Blendshapes b && Arrays.equals(weights, b.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Blendshapes[");
        for (Name n : Name.values()) {
            if (weights[n.ordinal()] >= 0.05f) {
                sb.append(String.format(java.util.Locale.ROOT, "%s=%.2f ", n, weights[n.ordinal()]));
            }
        }
        return sb.toString().trim() + "]";
    }
}
