package ai.gaga.face;

import ai.gaga.RenderCancelledException;

/**
 * The cancellation check of the preparation steps (photo analysis, rig building, plate creation): a render is
 * cancelled by interrupting the thread that prepares and draws it ({@code Future.cancel(true)}, Ctrl-C), so every
 * step that can take more than a few milliseconds calls {@link #check()} between its parts.
 */
public final class Cancellation {
    private Cancellation() {
    }

    /**
     * Throws when the current thread was interrupted (the interrupt flag stays set, so the caller's own checks see
     * it too).
     *
     * @throws RenderCancelledException when interrupted
     */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new RenderCancelledException("The render was cancelled while preparing the faces");
        }
    }
}
