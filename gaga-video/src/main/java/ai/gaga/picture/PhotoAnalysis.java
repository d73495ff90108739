package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.PersonMask;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the picture knows about one actor's photo: the decoded photo, its largest face and, when a layout cuts the
 * actor out, the person mask. Immutable (the image is not copied: treat it as read-only).
 *
 * @param image  the upright BGR photo
 * @param face   its largest face, if any
 * @param person person probability per photo pixel, if segmented
 * @param faces  how many faces the photo shows (a group photo more than one: no single person can be cut out of it)
 * @param others the photo's other faces (not {@code face}), where known: what an actor's body motion must not move
 * @param turned quarter turns clockwise the file's pixels were turned to stand the faces upright (a photo lying on
 *               its side with no EXIF orientation), 0 to 3
 */
public record PhotoAnalysis(BufferedImage image, Optional<FaceBox> face, Optional<PersonMask> person, int faces,
                            List<FaceBox> others, int turned) {
    public PhotoAnalysis {
        if (turned < 0 || turned > 3) {
            throw new IllegalArgumentException("Quarter turns must be 0 to 3, got " + turned);
        }
        others = List.copyOf(others);
        if (faces < 0) {
            throw new IllegalArgumentException("Face count must not be negative, got " + faces);
        }
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(person, "person");
        person.ifPresent(m -> {
            if (m.width() != image.getWidth() || m.height() != image.getHeight()) {
                throw new IllegalArgumentException("Person mask is " + m.width() + "x" + m.height() + ", photo is "
                        + image.getWidth() + "x" + image.getHeight());
            }
        });
    }

    /** A photo as its file stands (not turned). */
    public PhotoAnalysis(BufferedImage image, Optional<FaceBox> face, Optional<PersonMask> person, int faces,
                         List<FaceBox> others) {
        this(image, face, person, faces, others, 0);
    }

    /** A photo, its face and how many faces it shows, without the other faces' boxes. */
    public PhotoAnalysis(BufferedImage image, Optional<FaceBox> face, Optional<PersonMask> person, int faces) {
        this(image, face, person, faces, List.of());
    }

    /** A photo and its one face (or none), not segmented. */
    public PhotoAnalysis(BufferedImage image, Optional<FaceBox> face) {
        this(image, face, Optional.empty());
    }

    /** A photo with its one face (or none). */
    public PhotoAnalysis(BufferedImage image, Optional<FaceBox> face, Optional<PersonMask> person) {
        this(image, face, person, face == null || face.isEmpty() ? 0 : 1);
    }

    /** The same analysis with a person mask. */
    public PhotoAnalysis withPerson(PersonMask mask) {
        return new PhotoAnalysis(image, face, Optional.of(mask), faces, others, turned);
    }
}
