package ai.gaga.scene;

import java.util.Locale;
import java.util.Objects;

/**
 * A scene heading such as {@code INT. TRAIN STATION - NIGHT}: drives lighting and ambience presets.
 *
 * @param text the heading as written
 */
public record SceneHeading(String text) implements Cue {
    public SceneHeading {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("Scene heading must not be blank");
        }
        text = text.strip();
    }

    /** Whether the scene is outdoors ({@code EXT.}). */
    public boolean exterior() {
        return text.toUpperCase(Locale.ROOT).startsWith("EXT") || text.toUpperCase(Locale.ROOT).startsWith("I/E");
    }

    /** The part after the last {@code " - "}, e.g. {@code NIGHT}; empty when there is none. */
    public String timeOfDay() {
        int dash = text.lastIndexOf(" - ");
        return dash < 0 ? "" : text.substring(dash + 3).strip();
    }
}
