package ai.gaga.encode;

import ai.gaga.GagaSettings;

import java.util.Objects;

/**
 * The video encoder's settings, set with {@link ai.gaga.Gaga.Builder#encoder} and {@link ai.gaga.Gaga.Builder#preset}
 * and read by the encoder plug-in from its {@link ai.gaga.spi.ServiceContext}.
 *
 * @param encoder which H.264 encoder
 * @param preset  speed/quality trade-off
 */
public record EncodingSettings(VideoEncoder encoder, EncoderPreset preset) {
    /** {@link VideoEncoder#AUTO}, {@link EncoderPreset#FAST}. */
    public static final EncodingSettings DEFAULT = new EncodingSettings(VideoEncoder.AUTO, EncoderPreset.FAST);

    public EncodingSettings {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(preset, "preset");
    }

    /** The encoding settings of an engine, or {@link #DEFAULT}. */
    public static EncodingSettings of(GagaSettings settings) {
        return settings.plugin(EncodingSettings.class).orElse(DEFAULT);
    }
}
