package ai.gaga;

import ai.gaga.models.ModelStore;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.encode.EncoderPreset;
import ai.gaga.encode.EncodingSettings;
import ai.gaga.encode.VideoEncoder;
import ai.gaga.render.Performer;
import ai.gaga.sound.SoundDesigner;
import ai.gaga.sound.SoundSettings;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.scene.Scene;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Planner planner;
    private volatile boolean closed;

    private Gaga(Builder b) {
        // a missing module fails first, before the model store or any native library is touched
        Services.Plugins plugins = Services.discover(b.classLoader,
                new Services.Given(List.copyOf(b.speech), b.performer, b.soundDesigner));
        GagaSettings settings = new GagaSettings(b.device, b.threads, b.plugins);
        this.models = b.models != null ? b.models : modelStore(b);
        this.onnx = new OnnxSessions(settings.device(), settings.threads()); // cheap: sessions open on first use
        this.services = new Services(models, onnx, settings, plugins);
        this.planner = new Planner(services, b.inferDirection);
        this.ownsExecutor = b.executor == null;
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
     * Renders a scene to an MP4 file, blocking until it is complete: {@code render(plan(scene), output, …)}, with each
     * line spoken once. The file appears at {@code output} only when it is complete; on any failure nothing is left
     * there (an existing file is kept).
     *
     * @throws InvalidPhotoException     an actor's photo is unusable
     * @throws SceneTooLongException     the spoken scene is longer than its maxDuration
     * @throws OutputException           the output cannot be written (missing folder, not a regular file, disk full)
     * @throws RenderCancelledException  the thread was interrupted
     */
    public RenderResult render(Scene scene, Path output, ProgressListener listener) {
        return render(scene, output, options(listener));
    }

    /**
     * Renders a scene to an MP4 file and the side files the options ask for (stems, subtitles, plan), blocking until
     * all are complete; as {@link #render(Scene, Path, ProgressListener)} otherwise.
     */
    public RenderResult render(Scene scene, Path output, RenderOptions options) {
        return newRun(Objects.requireNonNull(scene, "scene"), null, output, options).run();
    }

    /**
     * Renders a plan made by {@link #plan(Scene)}: draws, mixes and encodes exactly its {@link RenderPlan#frameCount()}
     * frames, speaking only the lines the plan holds as timing only (each once). As
     * {@link #render(Scene, Path, RenderOptions)} otherwise.
     */
    public RenderResult render(RenderPlan plan, Path output, RenderOptions options) {
        return newRun(null, Objects.requireNonNull(plan, "plan"), output, options).run();
    }

    /**
     * Starts a render in the background. {@code cancel(true)} on the returned future stops the render promptly and
     * leaves no file behind.
     */
    public CompletableFuture<RenderResult> renderAsync(Scene scene, Path output, ProgressListener listener) {
        return renderAsync(scene, output, options(listener));
    }

    /** As {@link #renderAsync(Scene, Path, ProgressListener)}, with side files and a listener from the options. */
    public CompletableFuture<RenderResult> renderAsync(Scene scene, Path output, RenderOptions options) {
        return start(newRun(Objects.requireNonNull(scene, "scene"), null, output, options));
    }

    /** As {@link #render(RenderPlan, Path, RenderOptions)}, in the background; {@code cancel(true)} stops it. */
    public CompletableFuture<RenderResult> renderAsync(RenderPlan plan, Path output, RenderOptions options) {
        return start(newRun(null, Objects.requireNonNull(plan, "plan"), output, options));
    }

    private CompletableFuture<RenderResult> start(RenderRun run) {
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

    private static RenderOptions options(ProgressListener listener) {
        return RenderOptions.builder().listener(listener == null ? ProgressListener.NONE : listener).build();
    }

    /**
     * Plans a scene without drawing or encoding: the cast (photos and faces, checked first), the direction of every
     * line (language, voice, emotion, delivery), each line's speech or its exact timing, the timeline, and the shots
     * and grades at the scene's frame rate. {@link #render(RenderPlan, Path, RenderOptions)} renders exactly this plan
     * (print it with {@link RenderPlan#toJson()}). Lines whose engine can time speech without speaking it (MaryTTS)
     * are only timed here, so a plan takes a fraction of a second; the render speaks them.
     *
     * @throws InvalidPhotoException when an actor's photo is unusable
     * @throws SceneTooLongException when the scene exceeds its maxDuration
     */
    public RenderPlan plan(Scene scene) {
        ensureOpen();
        return planner.plan(Objects.requireNonNull(scene, "scene"), true, RenderRun.Steps.NONE);
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

    private RenderRun newRun(Scene scene, RenderPlan plan, Path output, RenderOptions options) {
        ensureOpen();
        Objects.requireNonNull(output, "output");
        return new RenderRun(services, planner, scene, plan, output, options);
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
        private final Map<Class<?>, Object> plugins = new LinkedHashMap<>();
        private final List<SpeechEngine> speech = new ArrayList<>();
        private Performer performer;
        private SoundDesigner soundDesigner;
        private ExecutorService executor;
        private ClassLoader classLoader = Gaga.class.getClassLoader();
        private boolean inferDirection = true;

        private Builder() {
        }

        /**
         * Whether lines whose script gives no emotion or delivery get them inferred from their words before voicing
         * and acting ({@link ai.gaga.direction.ScriptDirector}); on by default. Markup always wins either way.
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

        /** H.264 encoder (default {@link VideoEncoder#AUTO}: NVENC on a working GPU, else libx264, else OpenH264). */
        public Builder encoder(VideoEncoder encoder) {
            EncodingSettings now = EncodingSettings.of(settings());
            return configure(new EncodingSettings(Objects.requireNonNull(encoder, "encoder"), now.preset()));
        }

        /** Encoder speed/quality (default {@link EncoderPreset#FAST}). */
        public Builder preset(EncoderPreset preset) {
            EncodingSettings now = EncodingSettings.of(settings());
            return configure(new EncodingSettings(now.encoder(), Objects.requireNonNull(preset, "preset")));
        }

        /**
         * Integrated loudness of every soundtrack in LUFS (-70..-5; default {@value SoundSettings#DEFAULT_LOUDNESS}),
         * reached within ±0.5 LU with true peaks at or under -1 dBTP.
         */
        public Builder loudness(double lufs) {
            return configure(new SoundSettings(lufs));
        }

        /**
         * A plug-in's own settings record (e.g. {@link EncodingSettings}, {@link SoundSettings}, or a third-party
         * plug-in's), read by the plug-in from {@link GagaSettings#plugin(Class)}; replaces one of the same type.
         */
        public Builder configure(Object pluginSettings) {
            plugins.put(Objects.requireNonNull(pluginSettings, "pluginSettings").getClass(), pluginSettings);
            return this;
        }

        private GagaSettings settings() {
            return new GagaSettings(device, threads, plugins);
        }

        /**
         * A speech engine of your own, used for every line before any installed engine (unless a line's voice names
         * another engine). The engine stays yours: closing the Gaga does not close it.
         */
        public Builder speech(SpeechEngine engine) {
            speech.add(Objects.requireNonNull(engine, "engine"));
            return this;
        }

        /** A performer of your own instead of the installed one; closing the Gaga does not close it. */
        public Builder performer(Performer performer) {
            this.performer = Objects.requireNonNull(performer, "performer");
            return this;
        }

        /** A sound designer of your own instead of the installed one; closing the Gaga does not close it. */
        public Builder soundDesigner(SoundDesigner designer) {
            this.soundDesigner = Objects.requireNonNull(designer, "designer");
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

        /**
         * The engine.
         *
         * @throws GagaException at once, naming the missing modules, when no performer, voice, sound designer or
         *                       encoder is installed (depend on {@code ai.gaga:gaga} for all of them)
         */
        public Gaga build() {
            return new Gaga(this);
        }
    }
}
