package ai.gaga;

import java.nio.file.Path;

/** An actor's photo cannot be used: missing, unreadable, not an image, corrupt, or without a usable face. */
public class InvalidPhotoException extends GagaException {
    private final Path photo;
    private final String reason;

    public InvalidPhotoException(Path photo, String reason) {
        this(photo, reason, null);
    }

    public InvalidPhotoException(Path photo, String reason, Throwable cause) {
        super("Photo " + photo + ": " + reason, cause);
        this.photo = photo;
        this.reason = reason;
    }

    /** The photo file as the user gave it. */
    public Path photo() {
        return photo;
    }

    /** What is wrong with it, without the path. */
    public String reason() {
        return reason;
    }
}
