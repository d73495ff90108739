package ai.gaga.face;

import java.util.List;

/**
 * MediaPipe's refined 478-point landmark set, photo pixels: the 468 mesh points (eyelids refined by the iris model),
 * then 5 iris points of the subject's right eye (468 = centre) and 5 of the left eye (473 = centre).
 *
 * @param points   478 landmarks
 * @param rightEye the iris model's full result for the subject's right eye (image left)
 * @param leftEye  the iris model's full result for the subject's left eye (image right)
 */
public record Landmarks478(List<FaceMesh.Landmark> points, IrisModel.Eye rightEye, IrisModel.Eye leftEye) {
    /** Number of points. */
    public static final int SIZE = 478;
    /** Index of the subject's right iris centre. */
    public static final int RIGHT_IRIS_CENTER = 468;
    /** Index of the subject's left iris centre. */
    public static final int LEFT_IRIS_CENTER = 473;

    public Landmarks478 {
        points = List.copyOf(points);
        if (points.size() != SIZE) {
            throw new IllegalArgumentException("Expected " + SIZE + " landmarks, got " + points.size());
        }
    }

    /** Landmark {@code i}. */
    public FaceMesh.Landmark get(int i) {
        return points.get(i);
    }

    /** The first 468 points as a mesh (eyelids refined). */
    public FaceMesh mesh(double presence) {
        return new FaceMesh(points.subList(0, FaceMesh.SIZE), presence);
    }
}
