package ai.gaga.encode;

import java.util.Arrays;
import java.util.Locale;

/** Which H.264 encoder writes the video. */
public enum VideoEncoder {
    /** NVENC when a GPU works, else libx264 when the build has it (GPL build), else OpenH264. */
    AUTO("auto"),
    /** NVIDIA's hardware encoder. */
    H264_NVENC("h264_nvenc"),
    /** x264: only in the GPL FFmpeg build ({@code -Pgpl}). */
    LIBX264("libx264"),
    /** Cisco's OpenH264: in the default (LGPL) build. */
    LIBOPENH264("libopenh264");

    private final String ffmpegName;

    VideoEncoder(String ffmpegName) {
        this.ffmpegName = ffmpegName;
    }

    /** FFmpeg's name of the encoder ({@code auto} for {@link #AUTO}). */
    public String ffmpegName() {
        return ffmpegName;
    }

    /**
     * The encoder named {@code name}: FFmpeg's name ({@code libx264}) or a short one ({@code x264}, {@code nvenc},
     * {@code openh264}), any case.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static VideoEncoder parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (VideoEncoder e : values()) {
            if (e.ffmpegName.equals(n) || e.ffmpegName.equals("lib" + n) || e.ffmpegName.equals("h264_" + n)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown H.264 encoder '" + name + "'; use one of "
                + Arrays.stream(values()).map(VideoEncoder::ffmpegName).toList());
    }
}
