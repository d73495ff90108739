package ai.gaga.scene;

import java.util.Objects;

/**
 * A bracket tag GAGA does not act on (yet), e.g. {@code [smiles]} or {@code [lights: strobe]}: kept in the scene and
 * reported as a warning by the parser, so that nothing a user wrote is silently dropped.
 *
 * @param name     the tag name as written, lower case
 * @param argument what follows the name, or empty
 */
public record TagCue(String name, String argument) implements Cue {
    public TagCue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argument, "argument");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Tag name must not be blank");
        }
        name = name.strip();
        argument = argument.strip();
    }

    /** The tag as a script writes it: {@code [name]} or {@code [name: argument]}. */
    public String toScript() {
        return argument.isEmpty() ? "[" + name + "]" : "[" + name + ": " + argument + "]";
    }
}
