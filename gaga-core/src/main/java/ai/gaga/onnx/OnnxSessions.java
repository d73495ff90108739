package ai.gaga.onnx;

import ai.gaga.GagaException;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and caches ONNX Runtime sessions: CUDA first when allowed (falling back to CPU with one log line), CPU
 * threads set explicitly with spinning off (spinning threads would steal the core the video encoder needs).
 * Sessions are shared (ORT's {@code run} is thread-safe) and closed with this object. Thread-safe.
 */
public final class OnnxSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxSessions.class);

    private final ExecutionDevice device;
    private final int threads;
    private final Map<Path, OrtSession> sessions = new ConcurrentHashMap<>();
    private volatile Boolean cudaWorks;
    private volatile boolean closed;

    public OnnxSessions(ExecutionDevice device, int threads) {
        this.device = device;
        this.threads = Math.max(1, threads);
    }

    /** Stack of the thread that loads models (reserved address space, not memory used). */
    private static final long LOADER_STACK = 256L << 20;

    private static volatile OrtEnvironment environment;

    /**
     * The shared environment (a process-wide singleton in ONNX Runtime), created on the loader thread: whichever
     * thread touches ONNX Runtime first creates it, and that recursion alone overflows a small stack.
     */
    public static OrtEnvironment environment() {
        OrtEnvironment env = environment;
        if (env == null) {
            synchronized (OnnxSessions.class) {
                env = environment;
                if (env == null) {
                    env = onLoaderThread(OrtEnvironment::getEnvironment);
                    environment = env;
                }
            }
        }
        return env;
    }

    /**
     * A session over a model held in memory (a model packaged as a class-path resource), created on the loader
     * thread like every session: creating one on a web server's or a Spark task's thread could kill the JVM.
     *
     * @throws OrtException when ONNX Runtime cannot read the model
     */
    public static OrtSession createSession(byte[] model, OrtSession.SessionOptions options) throws OrtException {
        OrtEnvironment env = environment();
        try {
            return onLoaderThread(() -> env.createSession(model, options));
        } catch (OrtLoadException e) {
            throw e.cause;
        }
    }

    /** An {@link OrtException} carried out of the loader thread. */
    private static final class OrtLoadException extends RuntimeException {
        final OrtException cause;

        OrtLoadException(OrtException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** The session for a model file, created on first use. */
    public OrtSession session(Path modelFile) {
        if (closed) {
            throw new IllegalStateException("OnnxSessions is closed");
        }
        Path key = modelFile.toAbsolutePath().normalize();
        return sessions.computeIfAbsent(key, this::open);
    }

    /** Whether sessions run on CUDA (known after the first session was created). */
    public boolean usesCuda() {
        return Boolean.TRUE.equals(cudaWorks);
    }

    /** Opens a session on the loader thread (see {@link #onLoaderThread}). */
    private OrtSession open(Path file) {
        return onLoaderThread(() -> openHere(file));
    }

    /**
     * Runs {@code work} on a thread of its own with a large stack: ONNX Runtime recurses about 12,000 native frames
     * deep when it creates its environment and loads a graph, more than the 1 MB stack of a web server's or a Spark
     * task's thread holds (the JVM then dies without a report). The caller waits, uninterruptibly, for the work (a
     * second); an {@link OrtException} comes back wrapped in an {@link OrtLoadException}.
     */
    private static <T> T onLoaderThread(OrtWork<T> work) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(() -> {
            try {
                return work.call();
            } catch (OrtException e) {
                throw new OrtLoadException(e);
            }
        });
        Thread loader = new Thread(null, task, "gaga-onnx-load", LOADER_STACK);
        loader.setDaemon(true);
        loader.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new GagaException("ONNX Runtime failed: " + cause, cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Work for the loader thread. */
    @FunctionalInterface
    private interface OrtWork<T> {
        T call() throws OrtException;
    }

    private OrtSession openHere(Path file) {
        OrtEnvironment env = environment();
        if (device != ExecutionDevice.CPU && !Boolean.FALSE.equals(cudaWorks)) {
            try (OrtSession.SessionOptions options = baseOptions()) {
                options.addCUDA(0);
                OrtSession s = env.createSession(file.toString(), options);
                if (cudaWorks == null) {
                    LOG.info("ONNX Runtime: using CUDA device 0");
                }
                cudaWorks = true;
                return s;
            } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                if (device == ExecutionDevice.CUDA) {
                    throw new GagaException("CUDA was required (ExecutionDevice.CUDA) but cannot be used: "
                            + e.getMessage() + ". Use the onnxruntime_gpu artifact (-Pcuda) with CUDA 12 and cuDNN 9,"
                            + " or ExecutionDevice.AUTO.", e);
                }
                if (cudaWorks == null) {
                    // the fallback's details for debugging, one plain line for everyone
                    LOG.debug("ONNX Runtime: CUDA unavailable: {}", firstLine(e.getMessage()));
                    LOG.info("ONNX Runtime: running on CPU with {} thread(s) (no usable CUDA)", threads);
                }
                cudaWorks = false;
            }
        }
        try (OrtSession.SessionOptions options = baseOptions()) {
            return env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new GagaException("Cannot load ONNX model " + file + ": " + e.getMessage()
                    + ". The file is probably corrupt; delete it so it is fetched again.", e);
        }
    }

    private OrtSession.SessionOptions baseOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        closed = true;
        for (OrtSession s : sessions.values()) {
            try {
                s.close();
            } catch (OrtException e) {
                LOG.warn("Closing ONNX session failed: {}", e.getMessage());
            }
        }
        sessions.clear();
    }
}
