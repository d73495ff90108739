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
 */
public record GagaSettings(ExecutionDevice device, int threads, String encoder, String preset) {
    public GagaSettings {
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
