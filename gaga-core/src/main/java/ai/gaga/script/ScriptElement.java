package ai.gaga.script;

import ai.gaga.scene.SceneElement;

import java.util.Objects;

/**
 * A scene element with the place in the script it came from. For lines, {@code actor} is the character cue as
 * written ({@link Script#UNNAMED} in a script without cues).
 *
 * @param element the parsed element
 * @param line    1-based source line
 * @param column  1-based source column
 */
public record ScriptElement(SceneElement element, int line, int column) {
    public ScriptElement {
        Objects.requireNonNull(element, "element");
    }
}
