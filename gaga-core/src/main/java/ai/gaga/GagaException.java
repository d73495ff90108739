package ai.gaga;

/**
 * Root of every error GAGA reports. Unchecked: a render either succeeds or fails with one of these, carrying the
 * user's own words (file, line, value) and what to do about it.
 */
public class GagaException extends RuntimeException {
    public GagaException(String message) {
        super(message);
    }

    public GagaException(String message, Throwable cause) {
        super(message, cause);
    }
}
