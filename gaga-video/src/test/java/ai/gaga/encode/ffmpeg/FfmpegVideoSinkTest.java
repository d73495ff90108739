package ai.gaga.encode.ffmpeg;

import ai.gaga.GagaSettings;
import ai.gaga.OutputException;
import ai.gaga.audio.PcmAudio;
import ai.gaga.encode.EncodedVideo;
import ai.gaga.encode.VideoSink;
import ai.gaga.encode.VideoSinkFactory;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.render.FrameBuffer;
import ai.gaga.render.VideoFormat;
import ai.gaga.scene.Resolution;
import ai.gaga.testing.Ffprobe;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Real encodes with the bundled FFmpeg, checked with the command-line ffprobe/ffmpeg and JavaCV's decoder. */
class FfmpegVideoSinkTest {
    /** Largest accepted difference of a region's mean colour after the round trip through H.264 (0..255). */
    private static final double COLOUR_TOLERANCE = 6;

    @TempDir
    Path dir;

    /** What "auto" must pick on a CPU-only run: libx264 in the GPL build, libopenh264 in the LGPL one. */
    static String expectedSoftwareEncoder() {
        return H264Encoders.isAvailable(H264Encoders.X264) ? H264Encoders.X264 : H264Encoders.OPENH264;
    }

    private static EncodedVideo encode(GagaSettings settings, Path file, VideoFormat format, PcmAudio audio) {
        try (VideoSink sink = new FfmpegVideoSinkFactory().open(SyntheticClip.context(settings), file, format,
                audio)) {
            FrameBuffer frame = new FrameBuffer(format.width(), format.height());
            for (int i = 0; i < format.frameCount(); i++) {
                SyntheticClip.draw(i, frame);
                sink.write(frame);
            }
            return sink.finish();
        }
    }

    @Test
    void landscape1080p25IsH264AacFastStartAndLooksLikeTheInput() throws Exception {
        VideoFormat format = new VideoFormat(Resolution.FULL_HD, 25, 50);
        Path file = dir.resolve("clip.tmp"); // no .mp4 on purpose: the pipeline's temporary files have none
        EncodedVideo encoded = encode(SyntheticClip.cpu(), file, format, SyntheticClip.tone(2.0, 48_000, 440, 440));

        assertEquals(expectedSoftwareEncoder(), encoded.videoEncoder());
        assertEquals("h264", encoded.videoCodec());
        assertEquals("aac", encoded.audioCodec());
        assertEquals(50, encoded.frames());
        assertEquals(Files.size(file), encoded.bytes());

        Ffprobe probe = Ffprobe.probe(file);
        assertTrue(probe.formatName().contains("mp4"), probe.formatName());
        assertEquals(2, probe.streamCount());
        Ffprobe.Stream v = probe.video();
        assertEquals("h264", v.codecName());
        assertEquals(1920, v.width());
        assertEquals(1080, v.height());
        assertEquals("yuv420p", v.pixFmt());
        assertEquals(50, v.frameCount());
        assertEquals(25.0, v.avgFrameRate(), 1e-9);
        assertEquals(2.0, v.duration(), 1e-6);
        assertEquals("smpte170m", v.get("color_space").orElse("?"));
        assertEquals("tv", v.get("color_range").orElse("?"));
        assertEquals(50, Ffprobe.countVideoFrames(file));
        Ffprobe.Stream a = probe.audio();
        assertEquals("aac", a.codecName());
        assertEquals(48_000, a.sampleRate());
        assertEquals(2, a.channels());
        assertEquals(2.0, a.duration(), 0.05);
        assertTrue(Ffprobe.isFastStart(file), "moov must precede mdat: " + Ffprobe.topLevelBoxes(file));

        assertFramesLookLikeTheSource(file, format, 0, 25, 49);
        assertTone(file, 2.0, 440, 440);
    }

    @Test
    void vertical1080x1920At30KeepsChannelOrder() throws Exception {
        VideoFormat format = new VideoFormat(Resolution.VERTICAL_FULL_HD, 30, 30);
        Path file = dir.resolve("vertical.mp4");
        EncodedVideo encoded = encode(SyntheticClip.cpu(), file, format, SyntheticClip.tone(1.0, 48_000, 440, 660));
        assertEquals(30, encoded.frames());

        Ffprobe probe = Ffprobe.probe(file);
        Ffprobe.Stream v = probe.video();
        assertEquals("h264", v.codecName());
        assertEquals(1080, v.width());
        assertEquals(1920, v.height());
        assertEquals("yuv420p", v.pixFmt());
        assertEquals(30, v.frameCount());
        assertEquals(30.0, v.avgFrameRate(), 1e-9);
        assertEquals(1.0, probe.audio().duration(), 0.05);
        assertTrue(Ffprobe.isFastStart(file));
        assertFramesLookLikeTheSource(file, format, 15);
        assertTone(file, 1.0, 440, 660);
    }

    @Test
    void square1080At24() throws Exception {
        VideoFormat format = new VideoFormat(Resolution.SQUARE, 24, 24);
        Path file = dir.resolve("square.mp4");
        encode(SyntheticClip.cpu(), file, format, SyntheticClip.tone(1.0, 48_000, 440, 440));

        Ffprobe probe = Ffprobe.probe(file);
        Ffprobe.Stream v = probe.video();
        assertEquals("h264", v.codecName());
        assertEquals(1080, v.width());
        assertEquals(1080, v.height());
        assertEquals("yuv420p", v.pixFmt());
        assertEquals(24, v.frameCount());
        assertEquals(24.0, v.avgFrameRate(), 1e-9);
        assertEquals(1.0, v.duration(), 1e-6);
        assertEquals(1.0, probe.audio().duration(), 0.05);
        assertTrue(Ffprobe.isFastStart(file));
        assertFramesLookLikeTheSource(file, format, 12, 23);
    }

    @Test
    void mono16kHzSoundtrackBecomesAac48kHzStereo() throws Exception {
        VideoFormat format = new VideoFormat(new Resolution(640, 360), 25, 25);
        Path file = dir.resolve("mono.mp4");
        encode(SyntheticClip.cpu(), file, format, SyntheticClip.tone(1.0, 16_000, 440));

        Ffprobe.Stream a = Ffprobe.probe(file).audio();
        assertEquals("aac", a.codecName());
        assertEquals(48_000, a.sampleRate());
        assertEquals(2, a.channels());
        assertEquals(1.0, a.duration(), 0.05);
        assertTone(file, 1.0, 440, 440);
    }

    @Test
    void stereo44100IsResampledAndALongerSoundtrackIsWrittenWhole() throws Exception {
        VideoFormat format = new VideoFormat(new Resolution(320, 240), 25, 25);
        Path file = dir.resolve("long-audio.mp4");
        encode(SyntheticClip.cpu(), file, format, SyntheticClip.tone(1.5, 44_100, 440, 440));

        Ffprobe probe = Ffprobe.probe(file);
        assertEquals(25, probe.video().frameCount());
        assertEquals(48_000, probe.audio().sampleRate());
        assertEquals(1.5, probe.audio().duration(), 0.05);
        assertTone(file, 1.5, 440, 440);
    }

    @Test
    void everyPresetEncodes() throws Exception {
        VideoFormat format = new VideoFormat(new Resolution(320, 240), 25, 10);
        for (String preset : H264Encoders.PRESETS) {
            Path file = dir.resolve(preset + ".mp4");
            EncodedVideo encoded = encode(SyntheticClip.settings(ExecutionDevice.CPU, "auto", preset), file, format,
                    SyntheticClip.tone(0.4, 48_000, 440, 440));
            assertEquals(10, encoded.frames(), preset);
            assertEquals("h264", Ffprobe.probe(file).video().codecName(), preset);
        }
        // presets are an enum now: an unknown name is refused where it is read, naming the known ones
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encode(
                SyntheticClip.settings(ExecutionDevice.CPU, "auto", "ludicrous"), dir.resolve("bad.mp4"), format,
                SyntheticClip.tone(0.4, 48_000, 440, 440)));
        assertTrue(e.getMessage().contains("ludicrous") && e.getMessage().contains("balanced"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("bad.mp4")));
    }

    @Test
    void unknownEncoderNamesTheKnownOnes() {
        Path file = dir.resolve("foo.mp4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FfmpegVideoSink.open(
                SyntheticClip.settings(ExecutionDevice.CPU, "libfoo264", "fast"), file,
                new VideoFormat(new Resolution(320, 240), 25, 1), SyntheticClip.tone(0.1, 48_000, 440)));
        assertTrue(e.getMessage().contains("libfoo264"), e.getMessage());
        for (ai.gaga.encode.VideoEncoder known : ai.gaga.encode.VideoEncoder.values()) {
            assertTrue(e.getMessage().contains(known.ffmpegName()), known + " missing from: " + e.getMessage());
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void aNonH264EncoderCannotBeNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticClip.settings(ExecutionDevice.CPU, "mpeg4", "fast"));
        assertTrue(e.getMessage().contains("Unknown H.264 encoder 'mpeg4'"), e.getMessage());
    }

    /**
     * Each software encoder named explicitly either really writes H.264 with that encoder or is refused: never the
     * silent MPEG-4 fallback of {@code setVideoCodecName} on a build without it.
     */
    @Test
    void namedSoftwareEncodersAreUsedOrRefused() throws Exception {
        VideoFormat format = new VideoFormat(new Resolution(320, 240), 25, 5);
        for (String name : List.of(H264Encoders.X264, H264Encoders.OPENH264)) {
            Path file = dir.resolve(name + ".mp4");
            GagaSettings settings = SyntheticClip.settings(ExecutionDevice.CPU, name, "fast");
            if (H264Encoders.isAvailable(name)) {
                EncodedVideo encoded = encode(settings, file, format, SyntheticClip.tone(0.2, 48_000, 440, 440));
                assertEquals(name, encoded.videoEncoder());
                assertEquals("h264", Ffprobe.probe(file).video().codecName(), name);
            } else {
                OutputException e = assertThrows(OutputException.class,
                        () -> encode(settings, file, format, SyntheticClip.tone(0.2, 48_000, 440, 440)));
                assertTrue(e.getMessage().contains(name), e.getMessage());
                assertFalse(Files.exists(file), name);
            }
        }
    }

    @Test
    void missingDirectoryIsAnOutputExceptionWithFfmpegsReason() {
        Path file = dir.resolve("no/such/dir/clip.mp4");
        OutputException e = assertThrows(OutputException.class, () -> FfmpegVideoSink.open(SyntheticClip.cpu(), file,
                new VideoFormat(new Resolution(320, 240), 25, 1), SyntheticClip.tone(0.1, 48_000, 440)));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());
        assertEquals(file, e.output());
    }

    @Test
    void closeWithoutFinishReleasesTheFile() throws Exception {
        VideoFormat format = new VideoFormat(new Resolution(640, 360), 25, 10);
        Path file = dir.resolve("aborted.mp4");
        VideoSink sink = FfmpegVideoSink.open(SyntheticClip.cpu(), file, format,
                SyntheticClip.tone(0.4, 48_000, 440, 440));
        FrameBuffer frame = new FrameBuffer(640, 360);
        for (int i = 0; i < 10; i++) {
            SyntheticClip.draw(i, frame);
            sink.write(frame);
        }
        assertTrue(openDescriptorsOf(file) > 0, "the open sink should hold the file (sanity check of the probe)");
        sink.close();
        sink.close(); // idempotent
        assertEquals(0, openDescriptorsOf(file), "close() without finish() must close the file");
        assertThrows(IllegalStateException.class, () -> sink.write(frame));
        assertThrows(IllegalStateException.class, sink::finish);

        EncodedVideo again = encode(SyntheticClip.cpu(), file, new VideoFormat(new Resolution(640, 360), 25, 5),
                SyntheticClip.tone(0.2, 48_000, 440, 440));
        assertEquals(5, again.frames());
        assertEquals(5, Ffprobe.probe(file).video().frameCount());
        assertEquals(0, openDescriptorsOf(file));
    }

    @Test
    void wrongFrameSizeIsRejected() {
        VideoFormat format = new VideoFormat(new Resolution(320, 240), 25, 1);
        try (VideoSink sink = FfmpegVideoSink.open(SyntheticClip.cpu(), dir.resolve("size.mp4"), format,
                SyntheticClip.tone(0.1, 48_000, 440))) {
            assertThrows(IllegalArgumentException.class, () -> sink.write(new FrameBuffer(640, 480)));
        }
    }

    /**
     * With the GPU allowed, "auto" tries NVENC first; on a machine without an NVIDIA GPU that fails and the software
     * encoder takes over.
     */
    @Test
    void autoWithGpuAllowedFallsBackWhenNvencCannotOpen() throws Exception {
        VideoFormat format = new VideoFormat(new Resolution(320, 240), 25, 5);
        Path file = dir.resolve("auto.mp4");
        EncodedVideo encoded = encode(SyntheticClip.settings(ExecutionDevice.AUTO, "auto", "fast"), file, format,
                SyntheticClip.tone(0.2, 48_000, 440, 440));
        if (Files.exists(Path.of("/dev/nvidia0")) && H264Encoders.isAvailable(H264Encoders.NVENC)) {
            assertTrue(List.of(H264Encoders.NVENC, expectedSoftwareEncoder()).contains(encoded.videoEncoder()),
                    encoded.videoEncoder());
        } else {
            assertEquals(expectedSoftwareEncoder(), encoded.videoEncoder());
        }
        assertEquals("h264", Ffprobe.probe(file).video().codecName());
    }

    @Test
    void registeredAsAService() {
        List<String> ids = new ArrayList<>();
        ServiceLoader.load(VideoSinkFactory.class).forEach(f -> ids.add(f.id()));
        assertTrue(ids.contains(FfmpegVideoSinkFactory.ID), ids.toString());
    }

    /** Decodes the file with JavaCV and compares region means of the given frames with the synthetic source. */
    private static void assertFramesLookLikeTheSource(Path file, VideoFormat format, int... indices) throws Exception {
        int w = format.width();
        int h = format.height();
        FrameBuffer source = new FrameBuffer(w, h);
        byte[] decoded = new byte[w * h * 3];
        int next = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toString())) {
            grabber.setPixelFormat(AV_PIX_FMT_BGR24);
            grabber.start();
            int i = 0;
            for (Frame f; next < indices.length && (f = grabber.grabImage()) != null; i++) {
                if (i != indices[next]) {
                    continue;
                }
                next++;
                assertEquals(w, f.imageWidth);
                assertEquals(h, f.imageHeight);
                ByteBuffer buf = (ByteBuffer) f.image[0];
                for (int y = 0; y < h; y++) {
                    buf.position(y * f.imageStride);
                    buf.get(decoded, y * w * 3, w * 3);
                }
                SyntheticClip.draw(i, source);
                int bx = SyntheticClip.boxX(i, w);
                int by = SyntheticClip.boxY(h);
                int bw = SyntheticClip.boxWidth(w);
                int bh = SyntheticClip.boxHeight(h);
                int inset = 8;
                // Inside the moving box, a background patch on the far side, and the bottom-right corner.
                int[][] regions = {
                        {bx + inset, by + inset, bw - 2 * inset, bh - 2 * inset},
                        {bx + bw + 16 < w - 80 ? w - 80 : 16, 16, 64, 64},
                        {w - 72, h - 72, 64, 64},
                };
                for (int[] r : regions) {
                    double[] want = SyntheticClip.meanBgr(source.bgr(), w * 3, r[0], r[1], r[2], r[3]);
                    double[] got = SyntheticClip.meanBgr(decoded, w * 3, r[0], r[1], r[2], r[3]);
                    for (int c = 0; c < 3; c++) {
                        if (Math.abs(want[c] - got[c]) > COLOUR_TOLERANCE) {
                            fail(String.format("frame %d region %s channel %s: source %.1f, decoded %.1f", i,
                                    java.util.Arrays.toString(r), "BGR".charAt(c), want[c], got[c]));
                        }
                    }
                }
            }
            grabber.stop();
        }
        assertEquals(indices.length, next, "not all requested frames were decoded");
    }

    /** Decodes the audio with the ffmpeg command and checks each channel's pitch and level. */
    private static void assertTone(Path file, double seconds, double left, double right) {
        float[] pcm = Ffprobe.decodeAudio(file, 48_000, 2);
        assertEquals(seconds, pcm.length / 2 / 48_000.0, 0.05, "decoded length");
        double[] want = {left, right};
        for (int c = 0; c < 2; c++) {
            double f = SyntheticClip.frequency(pcm, 2, c, 48_000);
            assertEquals(want[c], f, 2.0, "frequency of channel " + c);
            // amplitude 0.5 sine: RMS 0.354
            assertEquals(0.5 / Math.sqrt(2), SyntheticClip.rms(pcm, 2, c, 48_000), 0.03, "level of channel " + c);
        }
    }

    /** Descriptors of this JVM that point at {@code file} (Linux /proc). */
    private static int openDescriptorsOf(Path file) throws IOException {
        Path real = file.toRealPath();
        int n = 0;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).equals(real)) {
                        n++;
                    }
                } catch (IOException e) {
                    // descriptor closed while listing
                }
            }
        }
        return n;
    }
}
