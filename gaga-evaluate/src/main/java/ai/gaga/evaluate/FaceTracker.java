package ai.gaga.evaluate;

import ai.gaga.face.FaceBox;
import ai.gaga.face.FaceDetector;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.FaceMeshModel;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Follows the largest face through a video: a full detection on the first frame (and whenever the face is lost),
 * then the mesh is run on a crop placed from earlier landmarks, like MediaPipe's face-mesh graph, and moved only when
 * the face has moved out of a small tolerance.
 *
 * <p>The tracking crop keeps the geometry the detector's box had relative to the mesh at the last detection (centre
 * offset and size in inter-ocular units, in the face's own frame), so the mesh sees the face framed as it was
 * trained and tracked landmarks agree with freshly detected ones. Not thread-safe.
 */
final class FaceTracker {
    /** Below this face-presence probability the track counts as lost. */
    static final double MIN_PRESENCE = 0.5;
    /** The crop follows when the face centre moved this fraction of the crop side... */
    static final double MAX_SHIFT = 0.03;
    /** ...or its size changed by this fraction... */
    static final double MAX_SCALE = 0.04;
    /** ...or it turned in the image plane by this much, radians (2 degrees). */
    static final double MAX_TURN = Math.toRadians(2);

    private final FaceDetector detector;
    private final FaceMeshModel mesh;
    /** Detector box centre relative to the eye midpoint, along and across the eye line, inter-ocular units. */
    private double offsetAlong;
    private double offsetAcross;
    /** Detector box side, inter-ocular units. */
    private double sideScale;
    /** The crop box in use; kept while the face stays inside its tolerance (see {@link #follow}). */
    private FaceBox box;
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
        if (box != null) {
            FaceMesh m = mesh.run(frame, box);
            if (m.presence() >= MIN_PRESENCE) {
                follow(m);
                return m;
            }
        }
        box = null;
        FaceMesh m = detect(frame);
        if (m != null) {
            box = boxFrom(m);
        }
        return m;
    }

    /**
     * Moves the crop to the new landmarks only when the face has left the current crop's tolerance. The mesh's
     * output depends slightly on where the face sits in its crop, so a crop re-placed every frame from the last
     * result feeds that noise back and a perfectly still face shows about 1 px of jitter; a crop that stays put
     * measures a still face identically in every frame, which is what a jitter metric needs.
     */
    private void follow(FaceMesh m) {
        FaceBox next = boxFrom(m);
        double side = box.width();
        double shift = Math.hypot(next.centerX() - box.centerX(), next.centerY() - box.centerY()) / side;
        double scale = Math.abs(next.width() / side - 1);
        double turn = Math.abs(angle(next) - angle(box));
        if (shift > MAX_SHIFT || scale > MAX_SCALE || Math.min(turn, 2 * Math.PI - turn) > MAX_TURN) {
            box = next;
        }
    }

    /**
     * The face measured again the way {@link ai.gaga.face.FaceAnalyzer} measures a photo: a fresh detector box and
     * one mesh run on it. The tracking crop stays put while the face moves inside its tolerance (good for jitter),
     * and its framing is learnt once; but the mesh's lids, brows and lips shift with where the face sits in the crop,
     * enough to move blendshapes by 0.05-0.15 between frames of one expression (measured on a rendered clip of the
     * astronaut: disgust read +0.03 over neutral on tracking crops, +0.095 on detector crops, as on the rig itself;
     * a crop re-centred from the tracked landmarks read +0.064). Reading expressions on the detector's framing keeps
     * the evaluator on the same scale as the rig's re-analysis tests. Falls back to {@code tracked} when the detector
     * or the mesh loses the face.
     */
    FaceMesh asDetected(BufferedImage frame, FaceMesh tracked) {
        Optional<FaceBox> found = detector.largest(frame);
        if (found.isEmpty()) {
            return tracked;
        }
        FaceMesh m = mesh.run(frame, found.get());
        return m.presence() >= MIN_PRESENCE ? m : tracked;
    }

    private static double angle(FaceBox b) {
        return Math.atan2(b.leftEye().y() - b.rightEye().y(), b.leftEye().x() - b.rightEye().x());
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
