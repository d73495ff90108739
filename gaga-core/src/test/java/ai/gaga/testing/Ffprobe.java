package ai.gaga.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Test helper around the command-line {@code ffprobe}/{@code ffmpeg} (Debian's, or {@code GAGA_FFPROBE} /
 * {@code GAGA_FFMPEG}): an independent check of what our encoder wrote, rather than asking the same FFmpeg libraries
 * that wrote the file. Also reads the top-level MP4 boxes, to check that {@code moov} precedes {@code mdat}
 * ("faststart", needed for playback while downloading).
 */
public final class Ffprobe {
    private static final long TIMEOUT_SECONDS = 60;

    private final Map<String, String> values;

    private Ffprobe(Map<String, String> values) {
        this.values = values;
    }

    /** Runs {@code ffprobe -v error -show_streams -show_format -of flat=s=_} on the file. */
    public static Ffprobe probe(Path file) {
        String out = run(List.of(ffprobe(), "-v", "error", "-show_streams", "-show_format", "-of", "flat=s=_",
                file.toString()));
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String value = line.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).trim(), value);
            }
        }
        return new Ffprobe(Collections.unmodifiableMap(values));
    }

    /** Every key ffprobe printed, e.g. {@code streams_stream_0_codec_name}, {@code format_duration}. */
    public Map<String, String> values() {
        return values;
    }

    /** One raw value, if printed and not {@code N/A}. */
    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || "N/A".equals(v) ? Optional.empty() : Optional.of(v);
    }

    /** Number of streams. */
    public int streamCount() {
        return Integer.parseInt(get("format_nb_streams").orElse("0"));
    }

    /** The streams of one type ({@code video}, {@code audio}). */
    public List<Stream> streams(String codecType) {
        List<Stream> list = new ArrayList<>();
        for (int i = 0; i < streamCount(); i++) {
            Stream s = new Stream(i);
            if (codecType.equals(s.codecType())) {
                list.add(s);
            }
        }
        return list;
    }

    /** The only video stream (fails when there is not exactly one). */
    public Stream video() {
        return only("video");
    }

    /** The only audio stream (fails when there is not exactly one). */
    public Stream audio() {
        return only("audio");
    }

    private Stream only(String type) {
        List<Stream> list = streams(type);
        if (list.size() != 1) {
            throw new AssertionError("Expected one " + type + " stream, found " + list.size() + ": " + values);
        }
        return list.get(0);
    }

    /** Container duration in seconds. */
    public double formatDuration() {
        return Double.parseDouble(get("format_duration").orElseThrow());
    }

    /** Container name as ffprobe reports it (for MP4: {@code mov,mp4,m4a,3gp,3g2,mj2}). */
    public String formatName() {
        return get("format_format_name").orElseThrow();
    }

    /** One stream's fields. */
    public final class Stream {
        private final int index;

        private Stream(int index) {
            this.index = index;
        }

        /** Raw field of this stream, e.g. {@code profile}, {@code color_space}. */
        public Optional<String> get(String field) {
            return Ffprobe.this.get("streams_stream_" + index + "_" + field);
        }

        private String require(String field) {
            return get(field).orElseThrow(() -> new AssertionError("ffprobe printed no " + field + " for stream "
                    + index));
        }

        public String codecType() {
            return get("codec_type").orElse("");
        }

        public String codecName() {
            return require("codec_name");
        }

        public int width() {
            return Integer.parseInt(require("width"));
        }

        public int height() {
            return Integer.parseInt(require("height"));
        }

        public String pixFmt() {
            return require("pix_fmt");
        }

        public int sampleRate() {
            return Integer.parseInt(require("sample_rate"));
        }

        public int channels() {
            return Integer.parseInt(require("channels"));
        }

        /** Stream duration in seconds. */
        public double duration() {
            return Double.parseDouble(require("duration"));
        }

        /** Frame count from the container's index ({@code nb_frames}). */
        public long frameCount() {
            return Long.parseLong(require("nb_frames"));
        }

        /** Average frame rate, e.g. 25.0 for {@code 25/1}. */
        public double avgFrameRate() {
            String[] r = require("avg_frame_rate").split("/");
            return r.length == 2 ? Double.parseDouble(r[0]) / Double.parseDouble(r[1]) : Double.parseDouble(r[0]);
        }
    }

    /** Counts the decodable video frames by decoding them ({@code -count_frames}). */
    public static long countVideoFrames(Path file) {
        String out = run(List.of(ffprobe(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "default=nw=1:nk=1", file.toString()));
        return Long.parseLong(out.trim());
    }

    /**
     * Decodes the audio of a file with the command-line {@code ffmpeg} to interleaved float samples at the given rate
     * and channel count.
     */
    public static float[] decodeAudio(Path file, int sampleRate, int channels) {
        byte[] raw = runBytes(List.of(ffmpeg(), "-v", "error", "-i", file.toString(), "-vn", "-f", "f32le",
                "-acodec", "pcm_f32le", "-ar", Integer.toString(sampleRate), "-ac", Integer.toString(channels), "-"));
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[raw.length / 4];
        b.asFloatBuffer().get(samples);
        return samples;
    }

    /** One MD5 per decoded frame of every stream ({@code ffmpeg -f framemd5}), to compare two renders exactly. */
    public static List<String> frameMd5s(Path file) {
        String out = run(List.of(ffmpeg(), "-v", "error", "-i", file.toString(), "-f", "framemd5", "-"));
        return java.util.Arrays.stream(out.split("\n")).filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    /** Decodes the video frame shown at {@code seconds} into a PNG file. */
    public static Path extractFrame(Path video, double seconds, Path png) {
        runBytes(List.of(ffmpeg(), "-v", "error", "-y", "-ss", String.format(java.util.Locale.ROOT, "%.3f", seconds),
                "-i", video.toString(), "-frames:v", "1", "-f", "image2", "-vcodec", "png", png.toString()));
        return png;
    }

    /** Types of the top-level MP4 boxes in file order, e.g. {@code [ftyp, moov, free, mdat]}. */
    public static List<String> topLevelBoxes(Path file) {
        List<String> boxes = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
            while (pos + 8 <= size) {
                header.clear().limit(8);
                ch.read(header, pos);
                long boxSize = Integer.toUnsignedLong(header.getInt(0));
                String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                if (boxSize == 1) { // 64-bit size follows the type
                    header.clear().limit(8);
                    ch.read(header, pos + 8);
                    boxSize = header.getLong(0);
                } else if (boxSize == 0) { // box runs to the end of the file
                    boxSize = size - pos;
                }
                if (boxSize < 8) {
                    throw new AssertionError("Corrupt MP4 box '" + type + "' of size " + boxSize + " at " + pos);
                }
                boxes.add(type);
                pos += boxSize;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return boxes;
    }

    /** Whether {@code moov} comes before {@code mdat} at the top level. */
    public static boolean isFastStart(Path file) {
        List<String> boxes = topLevelBoxes(file);
        int moov = boxes.indexOf("moov");
        int mdat = boxes.indexOf("mdat");
        return moov >= 0 && mdat >= 0 && moov < mdat;
    }

    /** The ffprobe binary: {@code GAGA_FFPROBE}, else {@code /usr/bin/ffprobe}, else {@code ffprobe} on the PATH. */
    public static String ffprobe() {
        return tool("GAGA_FFPROBE", "ffprobe");
    }

    /** The ffmpeg binary: {@code GAGA_FFMPEG}, else {@code /usr/bin/ffmpeg}, else {@code ffmpeg} on the PATH. */
    public static String ffmpeg() {
        return tool("GAGA_FFMPEG", "ffmpeg");
    }

    private static String tool(String env, String name) {
        String v = System.getenv(env);
        if (v != null && !v.isBlank()) {
            return v;
        }
        Path usr = Path.of("/usr/bin", name);
        return Files.isExecutable(usr) ? usr.toString() : name;
    }

    private static String run(List<String> command) {
        return new String(runBytes(command), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err), "ffprobe-stderr");
            errReader.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("Timed out: " + command);
            }
            errReader.join();
            if (p.exitValue() != 0) {
                throw new AssertionError(command.get(0) + " failed (" + p.exitValue() + "): "
                        + err.toString(StandardCharsets.UTF_8) + " for " + command);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + " (install Debian's ffmpeg package or set "
                    + "GAGA_FFPROBE/GAGA_FFMPEG)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process died; its exit code tells the story
        }
    }
}
