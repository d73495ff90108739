package ai.gaga.picture;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A second drawing thread for the independent parts of one frame (the two actors of a two-shot, the lower half of
 * the frame's rows): the frame is drawn sooner, so the encoder waits less for it. The parts write disjoint pixels,
 * so the frame is the same as drawn on one thread. Idle between frames; none on a one-core machine.
 */
final class DrawHelper implements AutoCloseable {
    private final ExecutorService thread;
    private long calls;

    private DrawHelper() {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gaga-draw-helper");
            t.setDaemon(true);
            return t;
        });
    }

    /** A helper where the machine has a second core, else null (callers then draw both parts themselves). */
    static DrawHelper ifCores() {
        return Runtime.getRuntime().availableProcessors() >= 2 ? new DrawHelper() : null;
    }

    /**
     * Runs {@code mine} on the calling thread and {@code theirs} on the helper thread, and returns when both are done.
     * A failure of either is thrown (the caller's first). An interrupt while waiting does not abandon the helper's part
     * (it still writes into the caller's buffers): the wait completes, then the interrupt is set again.
     */
    void both(Runnable mine, Runnable theirs) {
        calls++;
        Future<?> other = thread.submit(theirs);
        Throwable failure = null;
        try {
            mine.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        while (true) {
            try {
                other.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("Drawing failed on the helper thread", failure);
        }
    }

    /** How many times {@link #both} ran. */
    long calls() {
        return calls;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
