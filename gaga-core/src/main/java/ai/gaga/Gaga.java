package ai.gaga;

import ai.gaga.models.ModelStore;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.direction.ScriptDirector;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneChecks;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelinePlanner;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine: finds the installed voices, renderers and encoders, loads models once, and renders scenes to MP4.
 * Thread-safe and meant to be reused: create one per application and close it at shutdown (it owns ONNX sessions and
 * voice processes).
 *
 * <pre>{@code
 * try (Gaga gaga = Gaga.create()) {
 *     RenderResult r = gaga.render(scene, Path.of("out.mp4"), p -> System.out.println(p.fraction()));
 * }
 * }</pre>
 */
public final class Gaga implements AutoCloseable {
    private final ModelStore models;
    private final OnnxSessions onnx;
    private final Services services;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final boolean inferDirection;
    private static final ScriptDirector DIRECTOR = new ScriptDirector();
    private volatile boolean closed;

    private Gaga(Builder b) {
        GagaSettings settings = new GagaSettings(b.device, b.threads, b.encoder, b.preset, b.loudness);
        this.models = b.models != null ? b.models : modelStore(b);
        this.onnx = new OnnxSessions(settings.device(), settings.threads());
        this.services = new Services(models, onnx, settings, b.classLoader);
        this.ownsExecutor = b.executor == null;
        this.inferDirection = b.inferDirection;
        this.executor = b.executor != null ? b.executor : Executors.newCachedThreadPool(new RenderThreads());
    }

    private static ModelStore modelStore(Builder b) {
        ModelStore.Builder store = ModelStore.builder();
        if (b.modelDir != null) {
            store.modelDir(b.modelDir);
        }
        if (b.offline != null) {
            store.offline(b.offline);
        }
        return store.build();
    }

    /** An engine with the defaults: models from GAGA_MODEL_DIR or the cache (downloaded if missing), best device. */
    public static Gaga create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Renders a scene to an MP4 file, blocking until it is complete. */
    public RenderResult render(Scene scene, Path output) {
        return render(scene, output, ProgressListener.NONE);
    }

    /**
     * Renders a scene to an MP4 file, blocking until it is complete. The file appears at {@code output} only when it
     * is complete; on any failure nothing is left there (an existing file is kept).
     *
     * @throws InvalidPhotoException     an actor's photo is unusable
     * @throws SceneTooLongException     the spoken scene is longer than its maxDuration
     * @throws OutputException           the output cannot be written
     * @throws RenderCancelledException  the thread was interrupted
     */
    public RenderResult render(Scene scene, Path output, ProgressListener listener) {
        return render(scene, output, RenderOptions.builder().listener(listener == null ? ProgressListener.NONE
                : listener).build());
    }

    /**
     * Renders a scene to an MP4 file and the side files the options ask for (stems, subtitles), blocking until all
     * are complete; as {@link #render(Scene, Path, ProgressListener)} otherwise.
     */
    public RenderResult render(Scene scene, Path output, RenderOptions options) {
        return newRun(scene, output, options).run();
    }

    /**
     * Starts a render in the background. {@code cancel(true)} on the returned future stops the render promptly and
     * leaves no file behind.
     */
    public CompletableFuture<RenderResult> renderAsync(Scene scene, Path output, ProgressListener listener) {
        return renderAsync(scene, output, RenderOptions.builder().listener(listener == null ? ProgressListener.NONE
                : listener).build());
    }

    /** As {@link #renderAsync(Scene, Path, ProgressListener)}, with side files and a listener from the options. */
    public CompletableFuture<RenderResult> renderAsync(Scene scene, Path output, RenderOptions options) {
        RenderRun run = newRun(scene, output, options);
        CancellableFuture future = new CancellableFuture(run);
        executor.execute(() -> {
            if (future.isDone()) {
                return;
            }
            try {
                future.complete(run.run());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    /**
     * Times every line and places it in time, without drawing or encoding: the plan a render would follow, frame for
     * frame (for previews, subtitles and {@link ai.gaga.timeline.PlanJson}). Lines are timed with
     * {@link ai.gaga.voice.SpeechEngine#time}, which gives exactly the timing the render's speech has; engines that
     * can time speech without synthesising it (MaryTTS) leave the plan's audio silent, so use {@link #speak} or
     * {@link #render} to hear it.
     *
     * @throws SceneTooLongException when the scene exceeds its maxDuration
     */
    public Timeline plan(Scene scene) {
        ensureOpen();
        Objects.requireNonNull(scene, "scene");
        SceneChecks.check(scene); // photos and length before any model loads (issue 14: fail fast)
        Scene directed = direct(scene);
        return new TimelinePlanner().plan(directed, RenderRun.speak(services, directed, i -> { }, true));
    }

    /** Speaks one line without rendering video (voice preview, tests). */
    public Utterance speak(SpeechRequest request) {
        ensureOpen();
        return services.speechEngine(request.voice()).synthesize(request);
    }

    /** Where models come from. */
    public ModelStore models() {
        return models;
    }

    public GagaSettings settings() {
        return services.settings();
    }

    private RenderRun newRun(Scene scene, Path output, RenderOptions options) {
        ensureOpen();
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(output, "output");
        SceneChecks.check(scene); // photos and length before any model loads (issue 14: fail fast)
        return new RenderRun(services, direct(scene), output, options);
    }

    /** The scene with the emotions and deliveries its script left open inferred from the words (markup wins). */
    private Scene direct(Scene scene) {
        return inferDirection ? DIRECTOR.directed(scene) : scene;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This Gaga engine is closed");
        }
    }

    /** Stops background renders, closes voices, renderers and ONNX sessions. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsExecutor) {
            executor.shutdownNow();
        }
        services.close();
        onnx.close();
    }

    /** A future whose {@code cancel} really stops the render behind it. */
    private static final class CancellableFuture extends CompletableFuture<RenderResult> {
        private final RenderRun run;

        CancellableFuture(RenderRun run) {
            this.run = run;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            run.cancel();
            return super.cancel(mayInterruptIfRunning);
        }
    }

    private static final class RenderThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "gaga-render-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /** Engine choices. Every setting is optional. */
    public static final class Builder {
        private ModelStore models;
        private Path modelDir;
        private Boolean offline;
        private ExecutionDevice device = ExecutionDevice.AUTO;
        private int threads = Runtime.getRuntime().availableProcessors();
        private String encoder = "auto";
        private String preset = "fast";
        private double loudness = GagaSettings.DEFAULT_LOUDNESS;
        private ExecutorService executor;
        private ClassLoader classLoader = Gaga.class.getClassLoader();
        private boolean inferDirection = true;

        private Builder() {
        }

        /**
         * Whether lines whose script gives no emotion or delivery get them inferred from their words before voicing
         * and acting ({@link ScriptDirector}); on by default. Markup always wins either way.
         */
        public Builder inferDirection(boolean infer) {
            this.inferDirection = infer;
            return this;
        }

        /** A fully configured model store (wins over modelDir/offline). */
        public Builder models(ModelStore store) {
            this.models = store;
            return this;
        }

        /** Model directory laid out like {@code face/…}; default GAGA_MODEL_DIR or -Dgaga.models. */
        public Builder modelDir(Path dir) {
            this.modelDir = dir;
            return this;
        }

        /** Never download models. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        public Builder device(ExecutionDevice device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /** CPU threads for model inference. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** H.264 encoder: {@code auto} (default), {@code h264_nvenc}, {@code libx264} or {@code libopenh264}. */
        public Builder encoder(String encoder) {
            this.encoder = Objects.requireNonNull(encoder, "encoder");
            return this;
        }

        /** Encoder speed/quality: {@code fast} (default), {@code balanced} or {@code quality}. */
        public Builder preset(String preset) {
            this.preset = Objects.requireNonNull(preset, "preset");
            return this;
        }

        /**
         * Integrated loudness of every soundtrack in LUFS (-70..-5; default {@value GagaSettings#DEFAULT_LOUDNESS}),
         * reached within ±0.5 LU with true peaks at or under -1 dBTP.
         */
        public Builder loudness(double lufs) {
            if (!(lufs >= -70 && lufs <= -5)) {
                throw new IllegalArgumentException("loudness must be -70..-5 LUFS, got " + lufs);
            }
            this.loudness = lufs;
            return this;
        }

        /** Runs {@link #renderAsync} on this executor instead of the engine's own daemon threads. */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        /** Class loader that plug-ins are discovered from (default: GAGA's own). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        public Gaga build() {
            return new Gaga(this);
        }
    }
}
