package ai.gaga.evaluate;

import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.FaceMeshModel;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Follows the largest face through a video: a full detection on the first frame (and whenever the face is lost),
 * then the mesh is run on a crop placed from the previous frame's landmarks, like MediaPipe's face-mesh graph.
 *
 * <p>The tracking crop keeps the geometry the detector's box had relative to the mesh at the last detection (centre
 * offset and size in inter-ocular units, in the face's own frame), so the mesh sees the face framed as it was
 * trained and tracked landmarks agree with freshly detected ones. Not thread-safe.
 */
final class FaceTracker {
    /** Below this face-presence probability the track counts as lost. */
    static final double MIN_PRESENCE = 0.5;

    private final FaceDetector detector;
    private final FaceMeshModel mesh;
    /** Detector box centre relative to the eye midpoint, along and across the eye line, inter-ocular units. */
    private double offsetAlong;
    private double offsetAcross;
    /** Detector box side, inter-ocular units. */
    private double sideScale;
    private FaceMesh previous;
    private int detections;

    FaceTracker(FaceDetector detector, FaceMeshModel mesh) {
        this.detector = detector;
        this.mesh = mesh;
    }

    /** Full detections run so far. */
    int detections() {
        return detections;
    }

    /** The face's mesh in this frame, or null when there is none. */
    FaceMesh track(BufferedImage frame) {
        if (previous != null) {
            FaceMesh m = mesh.run(frame, boxFrom(previous));
            if (m.presence() >= MIN_PRESENCE) {
                previous = m;
                return m;
            }
        }
        previous = detect(frame);
        return previous;
    }

    private FaceMesh detect(BufferedImage frame) {
        detections++;
        Optional<FaceBox> found = detector.largest(frame);
        if (found.isEmpty()) {
            return null;
        }
        FaceBox box = found.get();
        FaceMesh first = mesh.run(frame, box);
        if (first.presence() < MIN_PRESENCE) {
            return null;
        }
        learn(box, first);
        // One tracking step on the same frame, so the first frame is measured on the same kind of crop as the rest.
        FaceMesh settled = mesh.run(frame, boxFrom(first));
        return settled.presence() >= MIN_PRESENCE ? settled : first;
    }

    private void learn(FaceBox box, FaceMesh m) {
        FaceBox.Point r = m.rightEyeCenter();
        FaceBox.Point l = m.leftEyeCenter();
        double iod = Math.max(1e-6, m.interOcularDistance());
        double ux = (l.x() - r.x()) / iod;
        double uy = (l.y() - r.y()) / iod;
        double dx = box.centerX() - (r.x() + l.x()) / 2;
        double dy = box.centerY() - (r.y() + l.y()) / 2;
        offsetAlong = (dx * ux + dy * uy) / iod;
        offsetAcross = (-dx * uy + dy * ux) / iod;
        sideScale = Math.max(box.width(), box.height()) / iod;
    }

    /** A square box whose eye line follows the mesh's, placed and sized as the detector's was. */
    private FaceBox boxFrom(FaceMesh m) {
        FaceBox.Point r = m.rightEyeCenter();
        FaceBox.Point l = m.leftEyeCenter();
        double iod = Math.max(1e-6, m.interOcularDistance());
        double ux = (l.x() - r.x()) / iod;
        double uy = (l.y() - r.y()) / iod;
        double cx = (r.x() + l.x()) / 2 + iod * (offsetAlong * ux - offsetAcross * uy);
        double cy = (r.y() + l.y()) / 2 + iod * (offsetAlong * uy + offsetAcross * ux);
        double side = sideScale * iod;
        FaceBox.Point c = new FaceBox.Point(cx, cy);
        // Only the eye keypoints matter to the mesh crop (its angle); the rest are placeholders.
        return new FaceBox(cx - side / 2, cy - side / 2, side, side, 1.0,
                new FaceBox.Point(cx - ux, cy - uy), new FaceBox.Point(cx + ux, cy + uy), c, c, c, c, "track",
                false);
    }
}
