package ai.gaga.script;

/**
 * Something in a script that was kept but may not do what the writer meant (an unknown tag, an unknown word).
 *
 * @param line    1-based line
 * @param column  1-based column
 * @param message what was noticed
 */
public record ScriptWarning(int line, int column, String message) {
    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
