package ai.gaga.encode.ffmpeg;

import ai.gaga.encode.EncodedVideo;
import ai.gaga.encode.VideoSink;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Resolution;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * GAGA encodes and decodes on a machine whose FFmpeg capture devices cannot load. The bundled {@code libavdevice}
 * needs the system's PulseAudio client ({@code libpulse.so.0}), which minimal servers and containers lack; JavaCV's
 * {@code FFmpegFrameRecorder.tryLoad()} then fails, and every render with it ("FFmpeg natives cannot be loaded").
 *
 * <p>A child JVM is started with a broken {@code libpulse.so.0} first on {@code LD_LIBRARY_PATH}, so that the dynamic
 * linker refuses {@code libavdevice} as it would on such a machine; it encodes a short clip through
 * {@link FfmpegVideoSinkFactory} and decodes it again.
 */
class WithoutCaptureDevicesTest {
    @TempDir
    Path dir;

    @Test
    void encodesAndDecodesWhenLibavdeviceCannotLoad() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the linker trick is Linux's");
        Path libs = Files.createDirectories(dir.resolve("libs"));
        Files.write(libs.resolve("libpulse.so.0"), "not a shared object".getBytes(StandardCharsets.US_ASCII));
        Path clip = dir.resolve("clip.mp4");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), clip.toString());
        String old = System.getenv("LD_LIBRARY_PATH");
        pb.environment().put("LD_LIBRARY_PATH", libs + (old == null || old.isEmpty() ? "" : ":" + old));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        List<String> lines = text.lines().filter(l -> l.startsWith("result ")).toList();
        assertEquals(List.of("result avdevice=unavailable encoded=12 decoded=12"), lines, text);
        assertTrue(Files.size(clip) > 1000, "clip too small");
    }

    /** Run in the child JVM: encode 12 frames, decode them, and say whether libavdevice could be loaded at all. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            VideoFormat format = new VideoFormat(new Resolution(320, 240), 25, 12);
            EncodedVideo encoded;
            try (VideoSink sink = new FfmpegVideoSinkFactory().open(SyntheticClip.context(SyntheticClip.cpu()), file,
                    format, SyntheticClip.tone(0.48, 48_000, 440, 440))) {
                FrameBuffer frame = new FrameBuffer(format.width(), format.height());
                for (int i = 0; i < format.frameCount(); i++) {
                    SyntheticClip.draw(i, frame);
                    sink.write(frame);
                }
                encoded = sink.finish();
            }
            int decoded = 0;
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
                g.start();
                for (Frame f = g.grabImage(); f != null; f = g.grabImage()) {
                    decoded++;
                }
                g.stop();
            }
            String device;
            try {
                Loader.load(avdevice.class);
                device = "loaded";
            } catch (Throwable t) {
                device = "unavailable";
            }
            System.out.println("result avdevice=" + device + " encoded=" + encoded.frames() + " decoded=" + decoded);
        }
    }
}
