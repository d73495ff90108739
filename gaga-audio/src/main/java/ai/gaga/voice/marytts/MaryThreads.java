package ai.gaga.voice.marytts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ThreadFactory;

/**
 * Makes the thread that runs Mary: a daemon (Mary must not keep the JVM alive), with Mary's class loader as context
 * class loader, in a thread group that logs uncaught errors through SLF4J instead of printing them. Threads that Mary
 * creates itself (its vocoder's producer threads, its JVM shutdown hook) inherit the group.
 */
final class MaryThreads extends ThreadGroup implements ThreadFactory {
    private static final Logger LOG = LoggerFactory.getLogger(MaryThreads.class);

    private final ClassLoader maryLoader;

    MaryThreads(ClassLoader maryLoader) {
        super("marytts");
        this.maryLoader = maryLoader;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(this, task, "marytts");
        thread.setDaemon(true);
        thread.setContextClassLoader(maryLoader);
        return thread;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        // the stack trace only for debugging: a Ctrl-C that interrupts Mary mid-sentence must not print one
        if (LOG.isDebugEnabled()) {
            LOG.warn("Uncaught error in MaryTTS thread {}", thread.getName(), error);
        } else {
            LOG.warn("Uncaught error in MaryTTS thread {}: {}", thread.getName(), error.toString());
        }
    }
}
