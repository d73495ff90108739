package ai.gaga.rig;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One frame of a face performance: a value per {@link FaceControl}. Mutable on purpose (the animator fills one
 * instance per frame without allocating); copy with {@link #copy()} to keep one.
 */
public final class FaceControls {
    private final float[] values = new float[FaceControl.count()];

    /** All controls at rest (the photo's own expression and pose). */
    public FaceControls() {
    }

    /** The value of a control. */
    public float get(FaceControl c) {
        return values[c.ordinal()];
    }

    /** Sets a control, clamped to its range (0..1, or -1..1 for gaze, ±45° for head angles). */
    public FaceControls set(FaceControl c, double value) {
        values[c.ordinal()] = (float) clamp(c, value);
        return this;
    }

    /** Adds to a control, clamped to its range. */
    public FaceControls add(FaceControl c, double delta) {
        return set(c, get(c) + delta);
    }

    /** Every control back to rest. */
    public FaceControls reset() {
        Arrays.fill(values, 0f);
        return this;
    }

    /** Copies every value from {@code other}. */
    public FaceControls setAll(FaceControls other) {
        System.arraycopy(other.values, 0, values, 0, values.length);
        return this;
    }

    /** An independent copy. */
    public FaceControls copy() {
        return new FaceControls().setAll(this);
    }

    /** Whether every control is at rest. */
    public boolean atRest() {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    private static double clamp(FaceControl c, double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("NaN for " + c);
        }
        return switch (c) {
            case GAZE_X, GAZE_Y -> Math.max(-1, Math.min(1, v));
            case HEAD_YAW, HEAD_PITCH, HEAD_ROLL -> Math.max(-45, Math.min(45, v));
            default -> Math.max(0, Math.min(1, v));
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaceControls other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** The non-zero controls, e.g. {@code {JAW_OPEN=0.40, EYE_BLINK_LEFT=1.00}}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0f) {
                s.append(s.length() > 1 ? ", " : "").append(FaceControl.of(i))
                        .append(String.format(Locale.ROOT, "=%.2f", values[i]));
            }
        }
        return s.append('}').toString();
    }

    static FaceControls requireNonNull(FaceControls c) {
        return Objects.requireNonNull(c, "controls");
    }
}
