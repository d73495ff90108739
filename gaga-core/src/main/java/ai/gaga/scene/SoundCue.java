package ai.gaga.scene;

import java.util.Locale;
import java.util.Objects;

/**
 * Music, ambience or a sound effect, starting where it stands in the scene: {@code [music: melancholic piano]},
 * {@code [ambience: rain]}, {@code [sfx: door slams]}.
 *
 * @param kind        which layer of the soundtrack
 * @param description what it should sound like, in the user's words
 */
public record SoundCue(Kind kind, String description) implements Cue {
    /** Soundtrack layer. */
    public enum Kind {
        MUSIC, AMBIENCE, SFX;

        /** The tag name in a script: {@code music}, {@code ambience}, {@code sfx}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SoundCue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException(kind.tag() + " needs a description, e.g. [" + kind.tag() + ": rain]");
        }
        description = description.strip();
    }
}
