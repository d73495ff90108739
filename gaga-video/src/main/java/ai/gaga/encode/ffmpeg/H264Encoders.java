package ai.gaga.encode.ffmpeg;

import ai.gaga.GagaSettings;
import ai.gaga.OutputException;
import ai.gaga.onnx.ExecutionDevice;
import ai.gaga.render.VideoFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_codec_is_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.av_codec_iterate;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

/**
 * Which H.264 encoders the bundled FFmpeg build has, which one to use for a {@link GagaSettings}, and how to set it up
 * for a preset.
 *
 * <p>The LGPL FFmpeg build (default) has {@code libopenh264} plus hardware encoders; the GPL build ({@code -Pgpl}) adds
 * {@code libx264}. Availability is always checked by name before a recorder is configured, because JavaCV's
 * {@code FFmpegFrameRecorder} silently falls back to the container's default codec (MPEG-4 Part 2 for MP4) when the
 * named encoder is missing.
 */
public final class H264Encoders {
    /** Let the engine choose: NVENC when a GPU may be used and it opens, else libx264, else libopenh264. */
    public static final String AUTO = "auto";
    /** NVIDIA hardware encoder; needs an NVIDIA GPU with NVENC and its driver at run time. */
    public static final String NVENC = "h264_nvenc";
    /** x264, only in the GPL FFmpeg build. */
    public static final String X264 = "libx264";
    /** Cisco's OpenH264, the software encoder of the LGPL FFmpeg build. */
    public static final String OPENH264 = "libopenh264";

    /** Presets understood by {@link #setup}. */
    public static final List<String> PRESETS = List.of("fast", "balanced", "quality");

    private static volatile List<String> available;

    private H264Encoders() {
    }

    /**
     * The names of all H.264 encoders in this FFmpeg build, in FFmpeg's order (software and hardware alike; a hardware
     * encoder being listed does not mean the hardware is present).
     *
     * @throws IllegalStateException when the FFmpeg natives cannot be loaded on this platform
     */
    public static List<String> available() {
        List<String> list = available;
        if (list == null) {
            loadNatives();
            List<String> found = new ArrayList<>();
            // av_codec_iterate keeps its position in an opaque void* that must start as NULL.
            try (PointerPointer<?> opaque = new PointerPointer<>(1L)) {
                opaque.zero();
                for (AVCodec c = av_codec_iterate(opaque); c != null && !c.isNull(); c = av_codec_iterate(opaque)) {
                    if (c.id() == AV_CODEC_ID_H264 && av_codec_is_encoder(c) != 0) {
                        found.add(c.name().getString());
                    }
                }
            }
            list = List.copyOf(found);
            available = list;
        }
        return list;
    }

    /** Whether this FFmpeg build has an H.264 encoder of that name. */
    public static boolean isAvailable(String name) {
        return available().contains(name);
    }

    /**
     * Loads the FFmpeg libraries GAGA uses (codecs, formats, scaling, resampling) and sets up FFmpeg's JNI hooks, so
     * that plain {@code avcodec} calls can be made before any recorder exists.
     *
     * <p>Not through JavaCV's {@code FFmpegFrameRecorder.tryLoad()}: that also loads {@code libavdevice} (capture
     * devices, which GAGA never uses), whose bundled build needs the system's PulseAudio client library
     * ({@code libpulse.so.0}), absent from minimal servers and containers. The recorder and the grabbers work without
     * it: their own loading swallows that failure and only {@code tryLoad()} would rethrow it.
     */
    static void loadNatives() {
        try {
            Loader.load(avutil.class);
            Loader.load(swresample.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            Loader.load(swscale.class);
            avcodec.av_jni_set_java_vm(Loader.getJavaVM(), null);
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("FFmpeg natives cannot be loaded on " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + ": " + ai.gaga.Causes.describe(e), e);
        }
    }

    /**
     * The encoders to try, in order, for these settings. {@code auto}: {@code h264_nvenc} first unless the device is
     * {@link ExecutionDevice#CPU} (it may still fail to open; the caller then moves on), then {@code libx264} if this
     * build has it, else {@code libopenh264}. A named encoder is the only candidate. With
     * {@link ExecutionDevice#CUDA} a failing NVENC still falls back to software: CUDA is required for the models, but
     * many CUDA GPUs (A100, H100) have no NVENC at all.
     *
     * @throws OutputException when a named encoder is not an H.264 encoder of this build, or when none is available
     */
    static List<String> candidates(GagaSettings settings, Path output) {
        String wanted = ai.gaga.encode.EncodingSettings.of(settings).encoder().ffmpegName();
        List<String> have = available();
        if (wanted.isEmpty() || AUTO.equals(wanted)) {
            List<String> list = new ArrayList<>(3);
            if (settings.device() != ExecutionDevice.CPU && have.contains(NVENC)) {
                list.add(NVENC);
            }
            if (have.contains(X264)) {
                list.add(X264);
            } else if (have.contains(OPENH264)) {
                list.add(OPENH264);
            }
            if (list.isEmpty()) {
                throw new OutputException(output, "this FFmpeg build has no usable H.264 encoder (it has "
                        + describe(have) + ")");
            }
            return List.copyOf(list);
        }
        if (!have.contains(wanted)) {
            String hint = X264.equals(wanted)
                    ? " (libx264 is only in the GPL FFmpeg build: build with -Pgpl, which makes the program GPLv3)"
                    : "";
            boolean otherCodec = avcodec_find_encoder_by_name(wanted) != null;
            throw new OutputException(output, "H.264 encoder '" + wanted + "' is "
                    + (otherCodec ? "not an H.264 encoder" : "not in this FFmpeg build") + hint
                    + "; this build's H.264 encoders: " + describe(have) + " (or 'auto')");
        }
        return List.of(wanted);
    }

    private static String describe(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /**
     * How one encoder is configured for a preset and format.
     *
     * @param encoder  FFmpeg encoder name
     * @param bitrate  target video bit rate in bit/s, 0 when the encoder is quality-driven (CRF / CQ)
     * @param options  encoder options passed to {@code avcodec_open2}
     */
    record Setup(String encoder, int bitrate, Map<String, String> options) {
        /** Short text for the log. */
        String summary() {
            StringBuilder sb = new StringBuilder(encoder);
            options.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            if (bitrate > 0) {
                sb.append(String.format(Locale.ROOT, " bitrate=%.1fM", bitrate / 1e6));
            }
            return sb.toString();
        }
    }

    /**
     * Encoder settings for a preset ({@code fast}, {@code balanced}, {@code quality}).
     *
     * @throws IllegalArgumentException for an unknown preset
     */
    static Setup setup(String encoder, String preset, VideoFormat format) {
        int level = PRESETS.indexOf(preset.trim().toLowerCase(Locale.ROOT));
        if (level < 0) {
            throw new IllegalArgumentException("Unknown encoder preset '" + preset + "'; use one of " + PRESETS);
        }
        Map<String, String> options = new LinkedHashMap<>();
        switch (encoder) {
            case X264 -> {
                // CRF keeps quality constant whatever the content; veryfast is ~3x faster than medium at ~10% more bits.
                options.put("preset", new String[] {"veryfast", "faster", "medium"}[level]);
                options.put("crf", new String[] {"20", "19", "18"}[level]);
                return new Setup(encoder, 0, options);
            }
            case NVENC -> {
                // Constant-quality VBR (bit rate 0 = no cap): the same idea as x264's CRF.
                options.put("preset", new String[] {"p4", "p5", "p6"}[level]);
                options.put("rc", "vbr");
                options.put("cq", new String[] {"21", "20", "19"}[level]);
                return new Setup(encoder, 0, options);
            }
            case OPENH264 -> {
                // OpenH264 has no CRF and needs about twice x264's bit rate for the same look; its bitrate mode
                // keeps the file size predictable.
                options.put("rc_mode", "bitrate");
                // One slice: OpenH264 only runs in parallel across slices, but with 2+ slices its output differs
                // from run to run (measured: same frames, different bitstreams), and GAGA promises that the same
                // scene renders the same file. The frame drawing overlaps on the other core instead.
                options.put("slices", "1");
                return new Setup(encoder, bitrate(format, level), options);
            }
            default -> {
                // Another H.264 encoder named explicitly (VAAPI, QSV, ...): a plain bit-rate target works everywhere.
                return new Setup(encoder, bitrate(format, level), options);
            }
        }
    }

    /** 8 Mb/s at 1920x1080@25, scaled with pixels per second, +25 % per preset step. */
    static int bitrate(VideoFormat format, int level) {
        double pixelsPerSecond = (double) format.width() * format.height() * format.fps();
        double base = 8_000_000 * pixelsPerSecond / (1920.0 * 1080 * 25);
        return (int) Math.min(Integer.MAX_VALUE, Math.round(base * (1 + 0.25 * level)));
    }
}
