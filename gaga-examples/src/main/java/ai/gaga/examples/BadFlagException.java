package ai.gaga.examples;

/**
 * A flag's value the command line cannot use ({@code --fps 60}, {@code --emotion happy}, {@code photo.jpg#0}): a bad
 * command line (exit 2), like an unknown flag, not bad input.
 */
final class BadFlagException extends IllegalArgumentException {
    BadFlagException(String message) {
        super(message);
    }
}
