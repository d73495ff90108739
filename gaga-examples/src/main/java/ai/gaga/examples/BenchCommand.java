package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.GagaSettings;
import ai.gaga.RenderResult;
import ai.gaga.RenderStage;
import ai.gaga.audio.PcmAudio;
import ai.gaga.encode.EncodedVideo;
import ai.gaga.encode.VideoSink;
import ai.gaga.encode.VideoSinkFactory;
import ai.gaga.models.ModelStore;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.onnx.OnnxSessions;
import ai.gaga.RenderPlan;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.FrameRenderer;
import ai.gaga.render.Performer;
import ai.gaga.render.PerformerFactory;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.spi.ServiceContext;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.scene.Voice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

/**
 * {@code gaga bench}: renders still-photo scenes of given lengths and prints per-stage times, real-time factor, the
 * ratio to the bare encoder cost of the same frames, and peak RSS. The bare encoder cost is measured by first drawing
 * every frame into a raw file, then timing only the encoding of that file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: render 10 s and 60 s scenes and print a table of times and memory.")
final class BenchCommand implements Callable<Integer> {
    private static final String SENTENCE = "The quick brown fox jumps over the lazy dog, and then it rests for a while.";

    @Option(names = "--durations", split = ",", defaultValue = "10,60", paramLabel = "SECONDS",
            description = "Scene lengths to render (default: ${DEFAULT-VALUE}).")
    List<Integer> durations;

    @Option(names = "--photo", paramLabel = "FILE", description = "Actor photo (default: the demo portrait).")
    Path photo;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for clips and raw frames (default: temp).")
    Path work;

    @Option(names = "--no-bare", description = "Skip the bare-encoder pass (it writes 6 MB of raw frames per frame"
            + " to disk).")
    boolean noBare;

    @Option(names = "--speech", description = "Also time speech synthesis per voice (after start-up).")
    boolean speech;

    @Option(names = "--sound", description = "Also time generating 60 s of score and ambience.")
    boolean sound;

    @Option(names = "--analyze", description = "Also time analysing a 60 s two-actor script (direction and plan)"
            + " without rendering, cold and after start-up.")
    boolean analyze;

    @Option(names = "--no-render", description = "Skip the render table (with --speech or --sound).")
    boolean noRender;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws IOException {
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("gaga-bench");
        Path actorPhoto = photo != null ? photo : DemoCommand.extract("grace_hopper.jpg");
        List<String> rows = new ArrayList<>();

        if (sound) {
            VoiceAndSoundBench.sound();
        }
        if (speech) {
            try (Gaga gaga = engine.build()) {
                VoiceAndSoundBench.speech(gaga);
            }
        }
        if (analyze) {
            AnalyzeBench.run(engine, actorPhoto);
        }
        if (noRender) {
            return 0;
        }
        long t0 = System.nanoTime();
        try (Gaga gaga = engine.build()) {
            Scene first = scene(actorPhoto, 5, gaga);
            RenderResult cold = gaga.render(first, dir.resolve("cold-5s.mp4"));
            double coldSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "Gaga.create() + first 5 s render: %.1f s wall (encoder %s)%n%n",
                    coldSeconds, cold.videoEncoder());

            for (int seconds : durations) {
                Scene scene = scene(actorPhoto, seconds, gaga);
                PeakRss.reset();
                RenderResult r = gaga.render(scene, dir.resolve("bench-" + seconds + "s.mp4"));
                long peak = PeakRss.peakBytes();
                double bare = noBare ? Double.NaN : bareEncodeSeconds(gaga.plan(scene), r, dir);
                rows.add(row(seconds, r, bare, peak));
            }
        }
        System.out.println(header());
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("speech/sound/render/encode = seconds in each stage (render and encode overlap);"
                + " RTF = wall seconds per video second;");
        System.out.println("bare enc = encoding the same frames from a raw file, nothing else; ratio = wall / bare enc;"
                + " peak RSS of the render (VmHWM).");
        return 0;
    }

    /** A scene of about {@code seconds}: repeated lines with pauses, padded by a final pause to the exact length. */
    private static Scene scene(Path photo, int seconds, Gaga gaga) {
        double lineSeconds = gaga.speak(SpeechRequest.of(SENTENCE, Voice.DEFAULT)).durationSeconds();
        double pause = 0.5;
        // a clip shorter than one sentence still gets that sentence
        long limit = Math.max(seconds, (long) Math.ceil(lineSeconds)) + 1;
        Scene.Builder b = Scene.builder().actor("bench", photo).maxDuration(Duration.ofSeconds(limit));
        double t = 0;
        b.says(SENTENCE);
        t += lineSeconds;
        while (t + pause + lineSeconds <= seconds) {
            b.pause(Duration.ofMillis((long) (pause * 1000))).says(SENTENCE);
            t += pause + lineSeconds;
        }
        if (seconds - t > 0.01) {
            b.pause(Duration.ofMillis(Math.round((seconds - t) * 1000)));
        }
        return b.build();
    }

    /** Draws every frame to a raw file (untimed for the encoder), then times encoding that file alone. */
    private double bareEncodeSeconds(RenderPlan plan, RenderResult r, Path dir) throws IOException {
        try (OnnxSessions onnx = new OnnxSessions(ExecutionDevice.CPU, 2)) {
            ServiceContext ctx = ServiceContext.of(ModelStore.standard(), onnx, engine.settings());
            return bareEncodeSeconds(plan, r, dir, ctx);
        }
    }

    private double bareEncodeSeconds(RenderPlan plan, RenderResult r, Path dir, ServiceContext ctx)
            throws IOException {
        Resolution res = plan.format().resolution();
        VideoFormat format = plan.format();
        Path raw = dir.resolve("frames.bgr");
        FrameBuffer frame = new FrameBuffer(res.width(), res.height());
        PerformerFactory pf = ServiceLoader.load(PerformerFactory.class).iterator().next();
        try (Performer performer = pf.create(ctx);
             FrameRenderer renderer = performer.prepare(plan);
             OutputStream out = Files.newOutputStream(raw)) {
            for (int i = 0; i < format.frameCount(); i++) {
                renderer.render(i, frame);
                out.write(frame.bgr());
            }
        }
        VideoSinkFactory sf = ServiceLoader.load(VideoSinkFactory.class).iterator().next();
        PcmAudio silence = PcmAudio.silence(format.durationSeconds(), PcmAudio.STANDARD_RATE, 2);
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(raw);
             VideoSink sink = sf.open(ctx, dir.resolve("bare.mp4"), format, silence)) {
            for (int i = 0; i < format.frameCount(); i++) {
                if (in.readNBytes(frame.bgr(), 0, frame.bgr().length) != frame.bgr().length) {
                    throw new IOException("raw frame file is short");
                }
                sink.write(frame);
            }
            EncodedVideo v = sink.finish();
            if (v.frames() != format.frameCount()) {
                throw new IllegalStateException("bare encode wrote " + v.frames() + " frames");
            }
        } finally {
            Files.deleteIfExists(raw);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-7s %6s %-11s %7s %6s %7s %7s %7s %6s %8s %6s %9s",
                "clip", "frames", "encoder", "speech", "sound", "render", "encode", "wall", "RTF", "bare enc",
                "ratio", "peak RSS");
    }

    private static String row(int seconds, RenderResult r, double bare, long peak) {
        return String.format(Locale.ROOT, "%-7s %6d %-11s %7.2f %6.2f %7.2f %7.2f %7.2f %6.3f %8.2f %6.2f %6d MB",
                seconds + " s", r.frames(), r.videoEncoder(), s(r, RenderStage.SPEECH), s(r, RenderStage.SOUND),
                s(r, RenderStage.RENDER), s(r, RenderStage.ENCODE), r.wallTime().toMillis() / 1000.0,
                r.realTimeFactor(), bare, r.wallTime().toMillis() / 1000.0 / bare, peak >> 20);
    }

    private static double s(RenderResult r, RenderStage stage) {
        return r.stageTimes().getOrDefault(stage, Duration.ZERO).toMillis() / 1000.0;
    }

    /** Linux peak resident set size (VmHWM), resettable through /proc/self/clear_refs. */
    static final class PeakRss {
        private PeakRss() {
        }

        static void reset() {
            try {
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            } catch (IOException | UnsupportedOperationException e) {
                // not Linux or not permitted: the peak then covers the whole process
            }
        }

        static long peakBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return -1;
        }
    }
}
