package ai.gaga.sound;

import ai.gaga.GagaSettings;

/**
 * The sound designer's settings, set with {@link ai.gaga.Gaga.Builder#loudness} and read by the sound plug-in from its
 * {@link ai.gaga.spi.ServiceContext}.
 *
 * @param loudness integrated loudness of every soundtrack in LUFS, -70..-5 ({@value #DEFAULT_LOUDNESS} by default, the
 *                 streaming norm; -23 for EBU broadcast, -14 for louder platforms)
 */
public record SoundSettings(double loudness) {
    /** Default loudness target in LUFS. */
    public static final double DEFAULT_LOUDNESS = -16;
    /** The default target. */
    public static final SoundSettings DEFAULT = new SoundSettings(DEFAULT_LOUDNESS);

    public SoundSettings {
        if (!(loudness >= -70 && loudness <= -5)) {
            throw new IllegalArgumentException("loudness must be -70..-5 LUFS, got " + loudness);
        }
    }

    /** The sound settings of an engine, or {@link #DEFAULT}. */
    public static SoundSettings of(GagaSettings settings) {
        return settings.plugin(SoundSettings.class).orElse(DEFAULT);
    }
}
