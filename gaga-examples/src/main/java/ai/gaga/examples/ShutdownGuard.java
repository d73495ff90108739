package ai.gaga.examples;

/**
 * Turns Ctrl-C into a clean cancellation: the hook interrupts the rendering thread (the render then deletes its
 * temporary file) and waits for it briefly before the JVM exits.
 */
final class ShutdownGuard implements AutoCloseable {
    private static volatile boolean shuttingDown;
    private final Thread hook;

    private ShutdownGuard(Thread worker) {
        this.hook = new Thread(() -> {
            shuttingDown = true;
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gaga-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Guards the current thread until closed. */
    static ShutdownGuard forCurrentThread() {
        return new ShutdownGuard(Thread.currentThread());
    }

    /** Marks the JVM as shutting down (a command that stops itself from its own shutdown hook). */
    static void markShuttingDown() {
        shuttingDown = true;
    }

    static boolean shuttingDown() {
        return shuttingDown;
    }

    @Override
    public void close() {
        if (!shuttingDown) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutdown already started: the hook must run
            }
        }
    }
}
