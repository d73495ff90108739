package ai.gaga.rig;

/**
 * The controls of the face rig, shaped like Apple ARKit blendshapes so that the MediaPipe blendshape model can read a
 * rendered frame back (the test oracle), plus head pose, gaze and breathing.
 *
 * <p>Blendshape-like controls run from 0 (rest, as in the photo) to 1 (full); {@link #GAZE_X}/{@link #GAZE_Y} run
 * from -1 to 1 (1 = the eyes turned fully to the subject's left / up); head angles are degrees relative to the pose in
 * the photo (yaw positive = subject turns to their left, pitch positive = chin up, roll positive = head tilts towards
 * their left shoulder); {@link #BREATH} runs from 0 (exhaled) to 1 (inhaled).
 */
public enum FaceControl {
    JAW_OPEN,
    MOUTH_CLOSE,
    MOUTH_FUNNEL,
    MOUTH_PUCKER,
    MOUTH_STRETCH,
    MOUTH_PRESS,
    MOUTH_ROLL_LOWER,
    MOUTH_ROLL_UPPER,
    MOUTH_UPPER_UP,
    MOUTH_LOWER_DOWN,
    MOUTH_SMILE,
    MOUTH_FROWN,
    MOUTH_DIMPLE,
    TONGUE_UP,
    CHEEK_PUFF,
    CHEEK_SQUINT,
    NOSE_SNEER,
    BROW_INNER_UP,
    BROW_OUTER_UP,
    BROW_DOWN,
    EYE_BLINK_LEFT,
    EYE_BLINK_RIGHT,
    EYE_SQUINT,
    EYE_WIDE,
    GAZE_X,
    GAZE_Y,
    HEAD_YAW,
    HEAD_PITCH,
    HEAD_ROLL,
    BREATH;

    private static final FaceControl[] ALL = values();

    /** Number of controls. */
    public static int count() {
        return ALL.length;
    }

    /** The control with this ordinal. */
    public static FaceControl of(int ordinal) {
        return ALL[ordinal];
    }

    /** Whether the control is signed (gaze, head angles) rather than a 0..1 weight. */
    public boolean signed() {
        return this == GAZE_X || this == GAZE_Y || this == HEAD_YAW || this == HEAD_PITCH || this == HEAD_ROLL;
    }
}
