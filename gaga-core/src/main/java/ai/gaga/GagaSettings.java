package ai.gaga;

import ai.gaga.onnx.ExecutionDevice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Engine-wide choices, made once in {@link Gaga.Builder}: where models run, how many threads they use, and each
 * plug-in's own settings (a record per plug-in, e.g. {@link ai.gaga.encode.EncodingSettings},
 * {@link ai.gaga.sound.SoundSettings}), which the plug-in reads with {@link #plugin(Class)}.
 *
 * @param device  where models and the encoder run
 * @param threads CPU threads for model inference (intra-op), at least 1
 * @param plugins plug-in settings by their type
 */
public record GagaSettings(ExecutionDevice device, int threads, Map<Class<?>, Object> plugins) {
    public GagaSettings {
        Objects.requireNonNull(device, "device");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        plugins = Map.copyOf(plugins);
        plugins.forEach((type, value) -> {
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException("Setting for " + type.getName() + " is a " + value.getClass());
            }
        });
    }

    /** Settings with no plug-in settings (each plug-in uses its defaults). */
    public GagaSettings(ExecutionDevice device, int threads) {
        this(device, threads, Map.of());
    }

    /** These settings with a plug-in's settings record added (replacing one of the same type). */
    public GagaSettings with(Object pluginSettings) {
        Map<Class<?>, Object> next = new LinkedHashMap<>(plugins);
        next.put(pluginSettings.getClass(), pluginSettings);
        return new GagaSettings(device, threads, next);
    }

    /** The settings record of type {@code type}, if one was set. */
    public <T> Optional<T> plugin(Class<T> type) {
        return Optional.ofNullable(plugins.get(type)).map(type::cast);
    }

    /** Defaults for this machine: AUTO device, all cores, every plug-in with its defaults. */
    public static GagaSettings defaults() {
        return new GagaSettings(ExecutionDevice.AUTO, Runtime.getRuntime().availableProcessors());
    }
}
