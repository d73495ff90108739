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
 * @param rest  the face the actor acts from ({@link Rest#NEUTRAL} by default: the photo's expression relaxed)
 */
public record Actor(String name, Path photo, Voice voice, FacePick face, Rest rest) {
    /** An actor played by the largest face of the photo, from a neutral rest. */
    public Actor(String name, Path photo, Voice voice) {
        this(name, photo, voice, FacePick.LARGEST, Rest.NEUTRAL);
    }

    /** An actor played by a chosen face of the photo, from a neutral rest. */
    public Actor(String name, Path photo, Voice voice, FacePick face) {
        this(name, photo, voice, face, Rest.NEUTRAL);
    }

    /** The same actor acting from another rest. */
    public Actor withRest(Rest rest) {
        return new Actor(name, photo, voice, face, rest);
    }

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(voice, "voice");
        face = face == null ? FacePick.LARGEST : face;
        rest = rest == null ? Rest.NEUTRAL : rest;
        if (name.isBlank()) {
            throw new IllegalArgumentException("Actor name must not be blank");
        }
    }
}
