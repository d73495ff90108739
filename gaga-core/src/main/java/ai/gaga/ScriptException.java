package ai.gaga;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A script that cannot be read: a bad tag argument, an unknown character, bytes that are not UTF-8. Says where, in the
 * user's own terms: {@code scene.fountain: line 7, column 12: pause needs a duration like 600ms or 1.5s, got 'abc'}.
 */
public class ScriptException extends InvalidSceneException {
    private final Path file;
    private final int line;
    private final int column;
    private final String snippet;
    private final String reason;

    /**
     * @param line    1-based line of the script
     * @param column  1-based column in that line
     * @param snippet the offending source text (may be empty)
     * @param reason  what is wrong and how to fix it
     */
    public ScriptException(int line, int column, String snippet, String reason) {
        this(null, line, column, snippet, reason);
    }

    private ScriptException(Path file, int line, int column, String snippet, String reason) {
        super(format(file, line, column, snippet, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.snippet = snippet == null ? "" : snippet;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The same error, naming the file it came from. */
    public ScriptException inFile(Path scriptFile) {
        ScriptException e = new ScriptException(scriptFile, line, column, snippet, reason);
        e.initCause(this);
        return e;
    }

    private static String format(Path file, int line, int column, String snippet, String reason) {
        String where = "line " + line + ", column " + column + ": " + reason;
        String text = file == null ? where : file + ": " + where;
        return snippet == null || snippet.isBlank() ? text : text + "\n    " + snippet.strip();
    }

    /** The script file, or null when the script was given as text. */
    public Path file() {
        return file;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** 1-based column number. */
    public int column() {
        return column;
    }

    /** The source text around the error. */
    public String snippet() {
        return snippet;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
