package ai.gaga.encode.ffmpeg;

import ai.gaga.GagaSettings;
import ai.gaga.OutputException;
import ai.gaga.audio.PcmAudio;
import ai.gaga.encode.EncodedVideo;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Resolution;
import ai.gaga.testing.Fixtures;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Micro-benchmark (not a test): encodes N frames of 1080p25 with every H.264 encoder this FFmpeg build has among
 * libx264, libopenh264 and h264_nvenc, through {@link FfmpegVideoSink} (BGR hand-off, swscale, encoder, AAC, MP4), and
 * prints frames per second and process CPU seconds.
 *
 * <p>Content: the astronaut fixture photo, scaled to 120 % of the frame and panned slowly (a still photo in motion, like
 * the pipeline's output), plus a sliding box. Frames are produced on the fly; the CPU time spent producing them is
 * measured on this thread and subtracted.
 *
 * <p>The photo is small (512x512) and so very smooth once scaled to 1080p, like the pipeline's own output; the option
 * {@code detail} adds fixed fine-grained texture (moving with the pan) to mimic a sharp high-resolution photo, which
 * is much harder for the encoders.
 *
 * <p>Run: {@code java -cp <test classpath> ai.gaga.encode.ffmpeg.EncoderBenchmark [frames=250] [fast|balanced|quality|all]
 * [smooth|detail]}.
 */
public final class EncoderBenchmark {
    private EncoderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        List<String> presets = args.length > 1 && !"all".equals(args[1]) ? List.of(args[1]) : args.length > 1
                ? H264Encoders.PRESETS : List.of("fast");
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, frames);
        boolean detail = args.length > 2 && "detail".equals(args[2]);
        Pan pan = new Pan(format.width(), format.height(), detail);
        PcmAudio audio = SyntheticClip.tone(format.durationSeconds(), 48_000, 440, 660);
        Path dir = Files.createTempDirectory("gaga-bench");

        List<String> encoders = new ArrayList<>();
        for (String e : List.of(H264Encoders.X264, H264Encoders.OPENH264, H264Encoders.NVENC)) {
            if (H264Encoders.isAvailable(e)) {
                encoders.add(e);
            }
        }
        System.out.printf(Locale.ROOT, "H.264 encoders in this FFmpeg build: %s; benchmarking %s; %d cores; %s content%n",
                H264Encoders.available(), encoders, Runtime.getRuntime().availableProcessors(),
                detail ? "detailed" : "smooth");
        // Warm-up: loads the natives and JIT-compiles the Java side.
        run(H264Encoders.available().contains(H264Encoders.X264) ? H264Encoders.X264 : H264Encoders.OPENH264, "fast",
                new VideoFormat(Resolution.FULL_HD, 25, 10), pan, dir.resolve("warmup.mp4"), audio);

        System.out.printf(Locale.ROOT, "%-12s %-9s %6s %8s %7s %8s %9s %6s %9s%n", "encoder", "preset", "frames",
                "wall s", "fps", "CPU s", "CPU ms/f", "cores", "Mb/s");
        for (String encoder : encoders) {
            for (String preset : presets) {
                try {
                    run(encoder, preset, format, pan, dir.resolve(encoder + "-" + preset + ".mp4"), audio);
                } catch (OutputException e) {
                    System.out.printf(Locale.ROOT, "%-12s %-9s not usable: %s%n", encoder, preset, e.getMessage());
                }
            }
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static void run(String encoder, String preset, VideoFormat format, Pan pan, Path file, PcmAudio audio) {
        GagaSettings settings = new GagaSettings(deviceFor(encoder), 2).with(new ai.gaga.encode.EncodingSettings(
                ai.gaga.encode.VideoEncoder.parse(encoder), ai.gaga.encode.EncoderPreset.parse(preset)));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        FrameBuffer frame = new FrameBuffer(format.width(), format.height());
        long drawCpu = 0;
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        EncodedVideo encoded;
        try (FfmpegVideoSink sink = FfmpegVideoSink.open(settings, file, format, audio)) {
            for (int i = 0; i < format.frameCount(); i++) {
                long t = threads.getCurrentThreadCpuTime();
                pan.draw(i, frame);
                drawCpu += threads.getCurrentThreadCpuTime() - t;
                sink.write(frame);
            }
            encoded = sink.finish();
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0 - drawCpu) / 1e9;
        // Frame drawing happened on the same thread, in series: take its share off the wall time too.
        wall -= drawCpu / 1e9;
        if (format.frameCount() < 50) {
            return; // warm-up
        }
        System.out.printf(Locale.ROOT, "%-12s %-9s %6d %8.2f %7.1f %8.2f %9.1f %6.2f %9.2f%n", encoded.videoEncoder(),
                preset, encoded.frames(), wall, encoded.frames() / wall, cpu, 1000 * cpu / encoded.frames(),
                cpu / wall, encoded.bytes() * 8 / format.durationSeconds() / 1e6);
    }

    /** NVENC is only tried with the GPU allowed; the software encoders run with the CPU device. */
    private static ExecutionDevice deviceFor(String encoder) {
        return H264Encoders.NVENC.equals(encoder) ? ExecutionDevice.AUTO : ExecutionDevice.CPU;
    }

    /** A photo 20 % larger than the frame, panned along a triangle wave, with a small box sliding across. */
    private static final class Pan {
        private final int width;
        private final int height;
        private final int bigWidth;
        private final byte[] big;

        Pan(int width, int height, boolean detail) throws Exception {
            this.width = width;
            this.height = height;
            this.bigWidth = width * 6 / 5;
            int bigHeight = height * 6 / 5;
            BufferedImage photo = ImageIO.read(Fixtures.astronaut().toFile());
            BufferedImage scaled = new BufferedImage(bigWidth, bigHeight, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(photo, 0, 0, bigWidth, bigHeight, null);
            g.dispose();
            this.big = ((DataBufferByte) scaled.getRaster().getDataBuffer()).getData();
            if (detail) {
                java.util.SplittableRandom random = new java.util.SplittableRandom(42);
                for (int i = 0; i < big.length; i++) {
                    big[i] = (byte) Math.max(0, Math.min(255, (big[i] & 0xff) + random.nextInt(-16, 17)));
                }
            }
        }

        void draw(int i, FrameBuffer frame) {
            int maxX = bigWidth - width;
            int maxY = big.length / (bigWidth * 3) - height;
            int ox = triangle(i * 2, maxX);
            int oy = triangle(i, maxY);
            byte[] out = frame.bgr();
            for (int y = 0; y < height; y++) {
                System.arraycopy(big, ((oy + y) * bigWidth + ox) * 3, out, y * width * 3, width * 3);
            }
            int bx = (i * 12) % (width - 160);
            for (int y = 100; y < 260; y++) {
                for (int x = bx; x < bx + 160; x++) {
                    int o = (y * width + x) * 3;
                    out[o] = (byte) 40;
                    out[o + 1] = (byte) 180;
                    out[o + 2] = (byte) 230;
                }
            }
            frame.index(i);
        }

        private static int triangle(int t, int max) {
            int period = 2 * max;
            int p = t % period;
            return p <= max ? p : period - p;
        }
    }
}
