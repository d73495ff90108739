package ai.gaga;

import ai.gaga.audio.WavWriter;
import ai.gaga.encode.EncodedVideo;
import ai.gaga.encode.VideoSink;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Scene;
import ai.gaga.sound.Soundtrack;
import ai.gaga.subtitles.Subtitles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One render, start to finish, as a sequence of stages that each take and give a value: (plan: cast → direct →
 * voice → place) → voice what the plan only timed → (sound ∥ picture) → encode → move into place. It only sequences;
 * the stages are {@link Planner}, {@link Voicing}, the plug-ins, {@link FramePump} and {@link OutputStaging}.
 */
final class RenderRun {
    private static final Logger LOG = LoggerFactory.getLogger(RenderRun.class);

    private final Services services;
    private final Planner planner;
    private final Scene scene;
    private final RenderPlan given;
    private final Path output;
    private final RenderOptions options;
    private final Map<RenderStage, Duration> times = new EnumMap<>(RenderStage.class);
    private final StepsImpl steps = new StepsImpl();
    private volatile boolean cancelled;
    private volatile Thread worker;

    /** A render of {@code plan}, or of {@code scene} (planned first) when {@code plan} is null. */
    RenderRun(Services services, Planner planner, Scene scene, RenderPlan plan, Path output, RenderOptions options) {
        this.services = services;
        this.planner = planner;
        this.scene = scene;
        this.given = plan;
        this.output = output.toAbsolutePath().normalize();
        this.options = options == null ? RenderOptions.DEFAULT : options;
    }

    /** Asks the render to stop; it ends with {@link RenderCancelledException} at the next check. */
    void cancel() {
        cancelled = true;
        Thread w = worker;
        if (w != null) {
            w.interrupt();
        }
    }

    RenderResult run() {
        worker = Thread.currentThread();
        long start = System.nanoTime();
        OutputStaging.requireNotAnInput(output, inputs(given != null ? given.scene() : scene));
        try (OutputStaging staging = OutputStaging.check(output)) {
            RenderResult result = render(staging, start);
            LOG.info("Rendered {} ({} frames, {}, {}) in {} ms, {}x real time", output, result.frames(),
                    result.resolution(), result.videoEncoder(), result.wallTime().toMillis(),
                    String.format(java.util.Locale.ROOT, "%.2f", result.realTimeFactor()));
            return result;
        } catch (RuntimeException | Error e) {
            // a failure caused by our own cancellation (natives refusing to load during JVM shutdown…) is a cancel;
            // any other failure keeps its cause, whatever threads were still running
            if (cancelled && !(e instanceof RenderCancelledException)) {
                throw new RenderCancelledException("Render of " + output + " was cancelled; nothing was written");
            }
            throw e;
        } finally {
            worker = null;
            Thread.interrupted(); // do not leak our own cancellation interrupt to the caller's thread
        }
    }

    /** The files a scene reads (photos, recordings, sound files), each with what it is in the user's words. */
    static java.util.Map<Path, String> inputs(Scene scene) {
        java.util.Map<Path, String> files = new java.util.LinkedHashMap<>();
        if (scene == null) {
            return files;
        }
        for (ai.gaga.scene.Actor a : scene.actors()) {
            if (a.photo() != null) {
                files.putIfAbsent(a.photo(), "the photo of " + a.name());
            }
        }
        for (ai.gaga.scene.Line l : scene.lines()) {
            l.recorded().ifPresent(r -> files.putIfAbsent(r, "the recording of a line of " + l.actor()));
        }
        for (ai.gaga.scene.Cue c : scene.cues()) {
            if (c instanceof ai.gaga.scene.SoundCue sc) {
                sc.file().ifPresent(f -> files.putIfAbsent(f, "a sound file of the scene"));
            }
        }
        return files;
    }

    private RenderResult render(OutputStaging staging, long start) {
        RenderPlan plan = given != null ? given : planner.plan(scene, false, steps);
        plan = planner.voicing().complete(plan, steps);
        steps.checkCancelled();

        steps.enter(RenderStage.SOUND);
        RenderPlan voiced = plan;
        CompletableFuture<Soundtrack> sound = CompletableFuture.supplyAsync(
                () -> services.soundDesigner().design(voiced), task -> {
                    Thread t = new Thread(task, "gaga-sound");
                    t.setDaemon(true);
                    t.start();
                });
        VideoFormat format = plan.format();
        EncodedVideo encoded;
        FramePump pump = new FramePump();
        try (FrameRenderer renderer = services.performer().prepare(plan)) {
            Soundtrack soundtrack = await(sound);
            steps.enter(RenderStage.ENCODE);
            try (VideoSink sink = services.videoSinkFactory().open(services, staging.clip(), format,
                    soundtrack.master())) {
                encoded = pump.run(renderer, sink, format, steps::checkCancelled,
                        n -> steps.progress(RenderStage.ENCODE, 0.25 + 0.74 * n / format.frameCount(), n,
                                format.frameCount()));
            }
            times.put(RenderStage.RENDER, Duration.ofNanos(pump.drawNanos()));
            times.put(RenderStage.ENCODE, Duration.ofNanos(pump.encodeNanos()));
            if (!"h264".equals(encoded.videoCodec())) {
                throw new OutputException(output, "the encoder wrote " + encoded.videoCodec() + " instead of H.264");
            }
            steps.enter(RenderStage.FINISH);
            writeSideFiles(staging, soundtrack, plan);
        } catch (OutputException e) {
            // the encoder names its temporary file: tell the user about the path they asked for
            throw e.output().equals(output) ? e : new OutputException(output, reasonOf(e), e);
        } finally {
            sound.cancel(false);
        }
        List<Path> sides = staging.commit();
        steps.progress(RenderStage.FINISH, 1.0, format.frameCount(), format.frameCount());
        steps.close();
        return new RenderResult(output, Duration.ofNanos(Math.round(format.durationSeconds() * 1e9)),
                format.frameCount(), format.resolution(), format.fps(), encoded.videoEncoder(), encoded.audioCodec(),
                encoded.bytes(), times, Duration.ofNanos(System.nanoTime() - start), sides, plan.warnings());
    }

    private static String reasonOf(OutputException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon < 0 ? m : m.substring(colon + 2);
    }

    private Soundtrack await(CompletableFuture<Soundtrack> sound) {
        try {
            return sound.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            steps.checkCancelled();
            throw new RenderCancelledException("Render of " + output + " was interrupted; nothing was written");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new GagaException("Sound design failed: " + cause, cause);
        }
    }

    /** Stems, subtitles and the plan the options ask for, staged beside the clip. */
    private void writeSideFiles(OutputStaging staging, Soundtrack sound, RenderPlan plan) {
        Path current = output;
        try {
            if (options.stems()) {
                if (sound.stems().isEmpty()) {
                    LOG.warn("Sound designer {} keeps no stems; only the mix is in {}", services.soundDesigner().id(),
                            output);
                }
                for (Map.Entry<String, ai.gaga.audio.PcmAudio> stem : sound.stems().entrySet()) {
                    current = staging.side("." + stem.getKey() + ".wav");
                    WavWriter.write(stem.getValue(), current);
                }
            }
            if (options.subtitles()) {
                current = staging.side(".srt");
                Files.writeString(current, Subtitles.toSrt(plan.timeline()));
                current = staging.side(".vtt");
                Files.writeString(current, Subtitles.toWebVtt(plan.timeline()));
            }
            if (options.plan()) {
                current = staging.side(".plan.json");
                Files.writeString(current, plan.toJson());
            }
        } catch (IOException e) {
            throw new OutputException(output, "cannot write the side files beside it (" + current.getFileName()
                    + "): " + OutputStaging.describe(e), e);
        }
    }

    /** What the stages report to the run: where they are, and whether to stop. */
    interface Steps {
        /** Nothing reported, never cancelled: for plans made outside a render. */
        Steps NONE = new Steps() {
            @Override
            public void enter(RenderStage stage) {
            }

            @Override
            public void speaking(int line, int lines) {
            }

            @Override
            public void checkCancelled() {
                if (Thread.currentThread().isInterrupted()) {
                    throw new RenderCancelledException("Planning was interrupted");
                }
            }
        };

        /** A stage starts (the previous one ends). */
        void enter(RenderStage stage);

        /** Line {@code line} of {@code lines} is about to be spoken (or timed). */
        void speaking(int line, int lines);

        /** Throws {@link RenderCancelledException} when the render was cancelled. */
        void checkCancelled();
    }

    /** Progress for the listener, stage times, and cancellation. */
    private final class StepsImpl implements Steps {
        private RenderStage current;
        private long since;
        private double lastFraction;
        private boolean listenerFailed;

        @Override
        public void enter(RenderStage stage) {
            close();
            current = stage;
            since = System.nanoTime();
            double fraction = switch (stage) {
                case PHOTOS -> 0.0;
                case SPEECH -> 0.05;
                case TIMELINE -> 0.2;
                case SOUND, RENDER, ENCODE -> 0.25;
                case FINISH -> 0.99;
            };
            progress(stage, fraction, 0, 0);
        }

        @Override
        public void speaking(int line, int lines) {
            checkCancelled();
            if (current != RenderStage.SPEECH) {
                enter(RenderStage.SPEECH);
            }
            progress(RenderStage.SPEECH, 0.05 + 0.15 * line / Math.max(1, lines), 0, 0);
        }

        /** Ends the current stage's time (RENDER and ENCODE are timed by the pump). */
        void close() {
            if (current != null && current != RenderStage.ENCODE && current != RenderStage.RENDER) {
                times.merge(current, Duration.ofNanos(System.nanoTime() - since), Duration::plus);
            }
            current = null;
        }

        @Override
        public void checkCancelled() {
            if (cancelled || Thread.currentThread().isInterrupted()) {
                cancelled = true;
                throw new RenderCancelledException("Render of " + output + " was cancelled; nothing was written");
            }
        }

        void progress(RenderStage stage, double fraction, int frame, int total) {
            lastFraction = Math.max(lastFraction, fraction);
            try {
                options.listener().onProgress(new RenderProgress(stage, lastFraction, frame, total));
            } catch (RuntimeException e) {
                if (!listenerFailed) {
                    listenerFailed = true;
                    LOG.warn("Progress listener failed (ignored from now on): {}", e.toString());
                }
            }
        }
    }
}
