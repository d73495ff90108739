package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.PhotoLoader;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every face found in a photo, numbered from the left as {@code --actor NAME=PHOTO#N} and
 * {@link ai.gaga.scene.FacePick#index} count them, with the photo's size: what {@code gaga analyze} lists per photo
 * so a user can pick faces in a group photo.
 *
 * @param photo  the photo file
 * @param width  its width in pixels (upright)
 * @param height its height in pixels (upright)
 * @param faces  the faces found, left to right (by box centre), in photo pixels
 */
public record PhotoFaces(Path photo, int width, int height, List<FaceBox> faces) {
    public PhotoFaces {
        Objects.requireNonNull(photo, "photo");
        faces = List.copyOf(faces);
    }

    /** Loads a photo and finds its faces; fails with {@link ai.gaga.InvalidPhotoException} on an unusable file. */
    public static PhotoFaces find(FaceDetector detector, Path photo) {
        Objects.requireNonNull(detector, "detector");
        BufferedImage image = PhotoLoader.load(photo);
        List<FaceBox> faces = detector.detect(image).stream().sorted(Comparator.comparingDouble(FaceBox::centerX))
                .toList();
        return new PhotoFaces(photo, image.getWidth(), image.getHeight(), faces);
    }

    /**
     * The number (from 1, left to right) of the face a pick chooses, as the render would; 0 when the photo has no
     * face.
     *
     * @throws ai.gaga.InvalidPhotoException when the pick asks for a face the photo does not have
     */
    public int numberOf(ai.gaga.scene.FacePick pick) {
        if (faces.isEmpty()) {
            return 0;
        }
        List<FaceBox> largestFirst = faces.stream().sorted(Comparator.comparingDouble(FaceBox::area).reversed())
                .toList();
        return faces.indexOf(StillPhotoPerformer.choose(largestFirst, pick, photo)) + 1;
    }
}
