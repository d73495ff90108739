package ai.gaga.encode;

import java.util.Arrays;
import java.util.Locale;

/** The encoder's trade-off between speed and quality per bit. */
public enum EncoderPreset {
    /** Fastest; the default. */
    FAST,
    /** Slower, a little better per bit. */
    BALANCED,
    /** Slowest, best per bit. */
    QUALITY;

    /** The name as the CLI writes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The preset named {@code name} ({@code fast}, {@code balanced}, {@code quality}; any case).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static EncoderPreset parse(String name) {
        for (EncoderPreset p : values()) {
            if (p.id().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown encoder preset '" + name + "'; use one of "
                + Arrays.stream(values()).map(EncoderPreset::id).toList());
    }
}
