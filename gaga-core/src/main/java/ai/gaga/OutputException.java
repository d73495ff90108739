package ai.gaga;

import java.nio.file.Path;

/** The output file cannot be written: missing directory, read-only location, disk full, encoder failure. */
public class OutputException extends GagaException {
    private final Path output;

    public OutputException(Path output, String message) {
        this(output, message, null);
    }

    public OutputException(Path output, String message, Throwable cause) {
        super("Output " + output + ": " + message, cause);
        this.output = output;
    }

    public Path output() {
        return output;
    }
}
