package ai.gaga;

import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.WavWriter;
import ai.gaga.sound.Soundtrack;
import ai.gaga.subtitles.Subtitles;
import ai.gaga.encode.EncodedVideo;
import ai.gaga.encode.VideoSink;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.Performer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Actor;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelinePlanner;
import ai.gaga.voice.LineSpeaker;
import ai.gaga.voice.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One render, start to finish: photos → speech → timeline → soundtrack → frames drawn on one thread while the calling
 * thread encodes them → verified file moved into place. Writes to a temporary file beside the output and deletes it on
 * any failure, so the output path only ever holds a complete clip.
 */
final class RenderRun {
    private static final Logger LOG = LoggerFactory.getLogger(RenderRun.class);
    /** Frames in flight between the drawing and the encoding thread: enough to absorb jitter, little memory. */
    private static final int FRAME_POOL = 3;

    private final Services services;
    private final Scene scene;
    private final Path output;
    private final ProgressListener listener;
    private final RenderOptions options;
    /** Side files (stems, subtitles) written so far: temporary path → final path. */
    private final Map<Path, Path> sideFiles = new java.util.LinkedHashMap<>();
    private final Map<RenderStage, Duration> times = new EnumMap<>(RenderStage.class);
    private volatile boolean cancelled;
    private volatile Thread worker;
    private double lastFraction;
    private boolean listenerFailed;

    RenderRun(Services services, Scene scene, Path output, RenderOptions options) {
        this.services = services;
        this.scene = scene;
        this.output = output.toAbsolutePath().normalize();
        this.options = options == null ? RenderOptions.DEFAULT : options;
        this.listener = this.options.listener();
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
        Path temp = createTempOutput();
        try {
            RenderResult result = render(temp, start);
            LOG.info("Rendered {} ({} frames, {}, {}) in {} ms, RTF {}", output, result.frames(),
                    result.resolution(), result.videoEncoder(), result.wallTime().toMillis(),
                    String.format(java.util.Locale.ROOT, "%.2f", result.realTimeFactor()));
            return result;
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            sideFiles.keySet().forEach(RenderRun::deleteQuietly);
            // a failure caused by our own cancellation (e.g. natives refusing to load during JVM shutdown) is a cancel
            if ((cancelled || Thread.currentThread().isInterrupted()) && !(e instanceof RenderCancelledException)) {
                throw new RenderCancelledException("Render of " + output + " was cancelled; nothing was written");
            }
            throw e;
        } finally {
            worker = null;
            Thread.interrupted(); // do not leak our own cancellation interrupt to the caller's thread
        }
    }

    private RenderResult render(Path temp, long start) {
        Performer performer = services.performer();

        long t = System.nanoTime();
        progress(RenderStage.PHOTOS, 0.0, 0, 0);
        performer.inspect(scene);
        t = lap(RenderStage.PHOTOS, t);
        checkCancelled();

        int lineCount = scene.lines().size();
        List<Utterance> utterances = speak(services, scene, i -> {
            checkCancelled();
            progress(RenderStage.SPEECH, 0.05 + 0.15 * i / lineCount, 0, 0);
        });
        checkCancelled();
        t = lap(RenderStage.SPEECH, t);

        Timeline timeline = new TimelinePlanner().plan(scene, utterances);
        VideoFormat format = new VideoFormat(scene.resolution(), scene.fps(), timeline.frameCount(scene.fps()));
        progress(RenderStage.TIMELINE, 0.2, 0, format.frameCount());
        t = lap(RenderStage.TIMELINE, t);

        Soundtrack sound = services.soundDesigner().design(scene, timeline);
        PcmAudio soundtrack = sound.master();
        progress(RenderStage.SOUND, 0.25, 0, format.frameCount());
        lap(RenderStage.SOUND, t);
        checkCancelled();

        EncodedVideo encoded;
        try (FrameRenderer renderer = performer.prepare(scene, timeline, format);
             VideoSink sink = services.videoSinkFactory().open(services, temp, format, soundtrack)) {
            encoded = encodeFrames(renderer, sink, format);
        }
        if (!"h264".equals(encoded.videoCodec())) {
            throw new OutputException(output, "the encoder wrote " + encoded.videoCodec() + " instead of H.264");
        }

        t = System.nanoTime();
        writeSideFiles(sound, timeline);
        moveIntoPlace(temp, output);
        for (Map.Entry<Path, Path> side : sideFiles.entrySet()) {
            moveIntoPlace(side.getKey(), side.getValue());
        }
        lap(RenderStage.FINISH, t);
        progress(RenderStage.FINISH, 1.0, format.frameCount(), format.frameCount());
        return new RenderResult(output, Duration.ofNanos(Math.round(format.durationSeconds() * 1e9)),
                format.frameCount(), scene.resolution(), scene.fps(), encoded.videoEncoder(), encoded.audioCodec(),
                encoded.bytes(), times, Duration.ofNanos(System.nanoTime() - start), List.copyOf(sideFiles.values()));
    }

    /** Stems and subtitles the options ask for, into temporary files beside the output. */
    private void writeSideFiles(Soundtrack sound, Timeline timeline) {
        String name = output.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".mp4") ? name.substring(0, name.length() - 4)
                : name;
        try {
            if (options.stems()) {
                if (sound.stems().isEmpty()) {
                    LOG.warn("Sound designer {} keeps no stems; only the mix is in {}", services.soundDesigner().id(),
                            output);
                }
                for (Map.Entry<String, PcmAudio> stem : sound.stems().entrySet()) {
                    Path temp = sideTemp(base + "." + stem.getKey() + ".wav");
                    WavWriter.write(stem.getValue(), temp);
                }
            }
            if (options.subtitles()) {
                Files.writeString(sideTemp(base + ".srt"), Subtitles.toSrt(timeline));
                Files.writeString(sideTemp(base + ".vtt"), Subtitles.toWebVtt(timeline));
            }
        } catch (IOException e) {
            throw new OutputException(output, "cannot write the side files beside it: " + e, e);
        }
    }

    /** A new temporary file for the side file {@code name}, registered for cleanup and the final move. */
    private Path sideTemp(String name) throws IOException {
        Path target = output.resolveSibling(name);
        Path temp = output.resolveSibling("." + name + "." + Long.toHexString(
                java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1) + ".part");
        sideFiles.put(temp, target);
        return temp;
    }

    /** Speaks every line of the scene in order; {@code beforeLine} runs before each (progress, cancellation). */
    static List<Utterance> speak(Services services, Scene scene, java.util.function.IntConsumer beforeLine) {
        return speak(services, scene, beforeLine, false);
    }

    /**
     * As {@link #speak(Services, Scene, java.util.function.IntConsumer)}; with {@code timingOnly}, each line is only
     * timed ({@link LineSpeaker#time}): the same timeline, faster, and speech that may be silent.
     */
    static List<Utterance> speak(Services services, Scene scene, java.util.function.IntConsumer beforeLine,
                                 boolean timingOnly) {
        List<Line> lines = scene.lines();
        List<Utterance> utterances = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            beforeLine.accept(i);
            Line line = lines.get(i);
            Actor actor = scene.actor(line.actor()).orElseThrow(() -> new InvalidSceneException(
                    "Line '" + line.text() + "' belongs to unknown actor " + line.actor()));
            if (line.recorded().isPresent()) {
                utterances.add(services.recordingReader().read(line.recorded().get()));
                continue;
            }
            // each run of the line in one writing system in its own language's voice (LineVoices.runs)
            utterances.add(timingOnly ? LineSpeaker.timeInVoices(services::speechEngine, line, actor.voice())
                    : LineSpeaker.speakInVoices(services::speechEngine, line, actor.voice()));
        }
        return utterances;
    }

    /** Draws frames on a helper thread while this thread encodes them; buffers cycle through a small pool. */
    private EncodedVideo encodeFrames(FrameRenderer renderer, VideoSink sink, VideoFormat format) {
        int total = format.frameCount();
        BlockingQueue<FrameBuffer> free = new ArrayBlockingQueue<>(FRAME_POOL);
        BlockingQueue<FrameBuffer> ready = new ArrayBlockingQueue<>(FRAME_POOL);
        for (int i = 0; i < FRAME_POOL; i++) {
            free.add(new FrameBuffer(format.width(), format.height()));
        }
        AtomicReference<Throwable> drawFailure = new AtomicReference<>();
        long[] drawNanos = new long[1];
        Thread drawer = new Thread(() -> {
            try {
                for (int i = 0; i < total && !cancelled; i++) {
                    FrameBuffer buffer = free.take();
                    long t0 = System.nanoTime();
                    renderer.render(i, buffer);
                    buffer.index(i);
                    drawNanos[0] += System.nanoTime() - t0;
                    ready.put(buffer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                drawFailure.set(e);
            }
        }, "gaga-draw");
        drawer.setDaemon(true);
        drawer.start();

        long encodeNanos = 0;
        long framesStart = System.nanoTime();
        try {
            for (int i = 0; i < total; i++) {
                FrameBuffer buffer = null;
                while (buffer == null) {
                    checkCancelled();
                    if (drawFailure.get() != null) {
                        throw rethrow(drawFailure.get());
                    }
                    buffer = ready.poll(50, TimeUnit.MILLISECONDS);
                }
                long t0 = System.nanoTime();
                sink.write(buffer);
                encodeNanos += System.nanoTime() - t0;
                free.add(buffer);
                if (i % 5 == 0 || i == total - 1) {
                    progress(RenderStage.ENCODE, 0.25 + 0.74 * (i + 1) / total, i + 1, total);
                }
            }
            long t0 = System.nanoTime();
            EncodedVideo encoded = sink.finish();
            encodeNanos += System.nanoTime() - t0;
            drawer.join();
            times.put(RenderStage.RENDER, Duration.ofNanos(drawNanos[0]));
            times.put(RenderStage.ENCODE, Duration.ofNanos(encodeNanos));
            LOG.debug("Frames: {} in {} ms wall", total, (System.nanoTime() - framesStart) / 1_000_000);
            return encoded;
        } catch (InterruptedException e) {
            cancelled = true;
            throw new RenderCancelledException("Render of " + output + " was interrupted; nothing was written");
        } finally {
            cancelled |= drawer.isAlive();
            drawer.interrupt();
            try {
                drawer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new GagaException("Frame rendering failed: " + t, t);
    }

    private void checkCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            cancelled = true;
            throw new RenderCancelledException("Render of " + output + " was cancelled; nothing was written");
        }
    }

    private Path createTempOutput() {
        Path dir = output.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputException(output, "the directory " + dir + (dir != null && Files.exists(dir)
                    ? " is not a directory" : " does not exist") + "; create it first");
        }
        if (Files.isDirectory(output)) {
            throw new OutputException(output, "is a directory; give a file name such as clip.mp4");
        }
        try {
            // createFile (not createTempFile) so the finished clip gets the usual permissions (umask), not 0600
            for (int attempt = 0; ; attempt++) {
                Path temp = dir.resolve("." + output.getFileName() + "." + Long.toHexString(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1) + ".part");
                try {
                    return Files.createFile(temp);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            throw new OutputException(output, "cannot write in " + dir + " (" + e + "); choose a writable folder",
                    e);
        }
    }

    private void moveIntoPlace(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OutputException(target, "cannot move the finished file into place: " + e, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Cannot delete temporary file {}: {}", p, e.toString());
        }
    }

    private long lap(RenderStage stage, long since) {
        long now = System.nanoTime();
        times.put(stage, Duration.ofNanos(now - since));
        return now;
    }

    private void progress(RenderStage stage, double fraction, int frame, int total) {
        lastFraction = Math.max(lastFraction, fraction);
        try {
            listener.onProgress(new RenderProgress(stage, lastFraction, frame, total));
        } catch (RuntimeException e) {
            if (!listenerFailed) {
                listenerFailed = true;
                LOG.warn("Progress listener failed (ignored from now on): {}", e.toString());
            }
        }
    }
}
