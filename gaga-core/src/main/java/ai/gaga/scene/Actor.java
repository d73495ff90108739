package ai.gaga.scene;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One character: a name, the photo it is played from, and its voice.
 *
 * @param name  the name lines refer to (case-insensitive), e.g. {@code maya}
 * @param photo portrait, half- or full-body photo (JPEG, PNG, BMP, GIF)
 * @param voice the voice that speaks its lines
 * @param face  which face of the photo plays the actor when it shows several ({@link FacePick#LARGEST} by default)
 */
public record Actor(String name, Path photo, Voice voice, FacePick face) {
    /** An actor played by the largest face of the photo. */
    public Actor(String name, Path photo, Voice voice) {
        this(name, photo, voice, FacePick.LARGEST);
    }

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(voice, "voice");
        face = face == null ? FacePick.LARGEST : face;
        if (name.isBlank()) {
            throw new IllegalArgumentException("Actor name must not be blank");
        }
    }
}
