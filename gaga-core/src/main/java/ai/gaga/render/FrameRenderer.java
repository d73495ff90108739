package ai.gaga.render;

/**
 * Draws the frames of one prepared scene. Called from a single render thread with increasing frame indices; may hold
 * native resources until closed.
 */
public interface FrameRenderer extends AutoCloseable {
    /** Renders frame {@code index} (0-based) into {@code target}, overwriting every pixel. */
    void render(int index, FrameBuffer target);

    @Override
    default void close() {
    }
}
