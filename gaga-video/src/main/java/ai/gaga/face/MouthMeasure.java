package ai.gaga.face;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Mouth opening for lip-sync evaluation: inner-lip aperture (upper to lower inner-lip centre, averaged with the two
 * neighbouring pairs to damp single-point noise) divided by the inter-ocular distance, so the number does not depend
 * on the face's size in the frame. About 0 for a closed mouth. Thread-safe.
 */
public final class MouthMeasure {
    /** Upper/lower inner-lip pairs measured: centre and the two beside it. */
    private static final int[][] PAIRS = {{13, 14}, {82, 87}, {312, 317}};

    private final FaceDetector detector;
    private final FaceMeshModel mesh;

    /** A measure that re-detects faces in frames with these models. */
    public MouthMeasure(FaceDetector detector, FaceMeshModel mesh) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.mesh = Objects.requireNonNull(mesh, "mesh");
    }

    /** Inner-lip aperture over inter-ocular distance of a mesh. */
    public static double aperture(FaceMesh m) {
        double sum = 0;
        for (int[] p : PAIRS) {
            FaceMesh.Landmark a = m.get(p[0]);
            FaceMesh.Landmark b = m.get(p[1]);
            // Signed along image y so overlapping (pressed) lips give ~0, never a spurious opening.
            sum += Math.max(0, Math.hypot(b.x() - a.x(), b.y() - a.y()) * Math.signum(b.y() - a.y()));
        }
        return sum / PAIRS.length / m.interOcularDistance();
    }

    /** The aperture of the largest face in a frame, or empty when none is found. */
    public OptionalDouble measure(BufferedImage frame) {
        return detector.largest(frame).map(box -> OptionalDouble.of(aperture(mesh.run(frame, box))))
                .orElse(OptionalDouble.empty());
    }
}
