package ai.gaga.examples;

import ai.gaga.GagaException;

/** A command's own input (a file named on the command line) is missing or unusable: exit code 3, like bad photos. */
final class BadInputException extends GagaException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
