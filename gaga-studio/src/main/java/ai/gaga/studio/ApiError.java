package ai.gaga.studio;

import java.util.Map;

/** A request the studio refuses: an HTTP status and a message in the user's words (plus fields such as line). */
final class ApiError extends RuntimeException {
    private final int status;
    private final Map<String, Object> details;

    ApiError(int status, String message) {
        this(status, message, Map.of());
    }

    ApiError(int status, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.details = Map.copyOf(details);
    }

    int status() {
        return status;
    }

    Map<String, Object> details() {
        return details;
    }
}
