package ai.gaga.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One actor as the performer found them in their photo: the first value of a {@link ai.gaga.RenderPlan}, made
 * before any voice speaks so that an unusable photo fails in milliseconds.
 *
 * @param actor       the actor's name, as in the scene
 * @param photo       the photo file
 * @param photoWidth  width of the (upright) photo in pixels
 * @param photoHeight height of the (upright) photo in pixels
 * @param faceIndex   which of {@code faces} plays the actor, counting from 0 on the left; -1 when the photo shows no
 *                    face (allowed by {@link ai.gaga.scene.Scene#allowNoFace()})
 * @param faces       every face found in the photo, from left to right
 * @param warnings    what the performer noticed about this photo, in the user's words (face small, eyes hidden,
 *                    expression neutralised…)
 */
public record CastMember(String actor, Path photo, int photoWidth, int photoHeight, int faceIndex,
                         List<FaceArea> faces, List<String> warnings) {
    public CastMember {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(photo, "photo");
        faces = List.copyOf(faces);
        warnings = List.copyOf(warnings);
        if (photoWidth <= 0 || photoHeight <= 0) {
            throw new IllegalArgumentException("Bad photo size " + photoWidth + "x" + photoHeight);
        }
        if (faceIndex < -1 || faceIndex >= faces.size()) {
            throw new IllegalArgumentException("Face index " + faceIndex + " of " + faces.size() + " faces");
        }
    }

    /** The face that plays the actor, in photo pixels; empty when the photo shows none. */
    public Optional<FaceArea> face() {
        return faceIndex < 0 ? Optional.empty() : Optional.of(faces.get(faceIndex));
    }

    /** The same member with more warnings. */
    public CastMember withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        more.stream().filter(w -> !all.contains(w)).forEach(all::add);
        return new CastMember(actor, photo, photoWidth, photoHeight, faceIndex, faces, all);
    }
}
