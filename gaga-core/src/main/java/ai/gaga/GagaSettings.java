package ai.gaga;

import ai.gaga.onnx.ExecutionDevice;

import java.util.Objects;

/**
 * Engine-wide choices, made once in {@link Gaga.Builder}.
 *
 * @param device  where models and the encoder run
 * @param threads CPU threads for model inference (intra-op), at least 1
 * @param encoder preferred H.264 encoder: {@code auto}, {@code h264_nvenc}, {@code libx264} or {@code libopenh264}
 * @param preset  speed/quality trade-off of the encoder: {@code fast} (default), {@code balanced} or {@code quality}
 * @param loudness integrated loudness of the soundtrack in LUFS, -70..-5 ({@value #DEFAULT_LOUDNESS} by default,
 *                 the streaming norm; -23 for EBU broadcast, -14 for louder platforms)
 */
public record GagaSettings(ExecutionDevice device, int threads, String encoder, String preset, double loudness) {
    /** Default loudness target in LUFS. */
    public static final double DEFAULT_LOUDNESS = -16;

    /** Settings with the default loudness target. */
    public GagaSettings(ExecutionDevice device, int threads, String encoder, String preset) {
        this(device, threads, encoder, preset, DEFAULT_LOUDNESS);
    }

    public GagaSettings {
        if (!(loudness >= -70 && loudness <= -5)) {
            throw new IllegalArgumentException("loudness must be -70..-5 LUFS, got " + loudness);
        }
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(preset, "preset");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Defaults for this machine: AUTO device, all cores, best available encoder. */
    public static GagaSettings defaults() {
        return new GagaSettings(ExecutionDevice.AUTO, Runtime.getRuntime().availableProcessors(), "auto", "fast");
    }
}
