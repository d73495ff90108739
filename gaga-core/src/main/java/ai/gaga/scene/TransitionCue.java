package ai.gaga.scene;

import java.util.Locale;
import java.util.Objects;

/**
 * A transition between shots: {@code CUT TO:}, {@code [cut]}, {@code DISSOLVE TO:}, {@code FADE OUT.}.
 *
 * @param text the transition in screenplay spelling (upper case)
 */
public record TransitionCue(String text) implements Cue {
    /** A hard cut ({@code [cut]} and {@code CUT TO:} both mean this). */
    public static final TransitionCue CUT = new TransitionCue("CUT TO:");

    public TransitionCue {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("Transition must not be blank");
        }
        text = text.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether this is a hard cut. */
    public boolean isCut() {
        return text.startsWith("CUT");
    }
}
