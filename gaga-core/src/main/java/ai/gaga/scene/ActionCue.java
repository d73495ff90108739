package ai.gaga.scene;

import java.util.Objects;

/**
 * A stage direction: {@code [action: MAYA looks away]} (gaze, gesture or expression cue for the performer).
 *
 * @param text the direction as written
 */
public record ActionCue(String text) implements Cue {
    public ActionCue {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("An action needs a description, e.g. [action: MAYA looks away]");
        }
        text = text.strip();
    }

    /** The first word, which by convention names the actor who acts ({@code MAYA} in "MAYA looks away"). */
    public String subject() {
        String[] words = text.split("\\s+", 2);
        return words[0];
    }
}
