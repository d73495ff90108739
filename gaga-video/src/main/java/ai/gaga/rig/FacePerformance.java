package ai.gaga.rig;

/**
 * One actor's performance over a clip: the face controls of every frame. Implementations are deterministic (the same
 * scene and seed give the same controls) and cheap per frame.
 */
@FunctionalInterface
public interface FacePerformance {
    /** A performance that holds the photo's own expression and pose. */
    FacePerformance REST = (frame, out) -> out.reset();

    /**
     * Fills {@code out} (every control) with the controls of frame {@code frame} (0-based). Called from one thread,
     * normally with increasing frames.
     */
    void controlsAt(int frame, FaceControls out);
}
