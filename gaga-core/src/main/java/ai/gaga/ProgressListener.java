package ai.gaga;

/**
 * Receives progress from a render, on the render's own thread: keep it quick. Exceptions thrown by a listener are
 * logged and otherwise ignored.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = p -> { };

    void onProgress(RenderProgress progress);
}
