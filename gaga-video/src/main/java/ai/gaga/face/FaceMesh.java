package ai.gaga.face;

import java.util.List;

/**
 * The 468 MediaPipe FaceMesh landmarks of one face, in photo pixels (x right, y down; z in pixel units, smaller =
 * nearer the camera), plus the model's face-presence score. Index meanings follow MediaPipe FaceMesh; "left" and
 * "right" are the subject's, as in {@link FaceBox}.
 *
 * @param points   468 landmarks
 * @param presence face-presence probability, 0..1
 */
public record FaceMesh(List<Landmark> points, double presence) {
    /** Number of mesh landmarks. */
    public static final int SIZE = 468;

    /** Nose tip. */
    public static final int NOSE_TIP = 1;
    /** Inner-lip centre of the upper lip. */
    public static final int UPPER_LIP_INNER = 13;
    /** Inner-lip centre of the lower lip. */
    public static final int LOWER_LIP_INNER = 14;
    /** Outer-lip centre of the upper lip. */
    public static final int UPPER_LIP_OUTER = 0;
    /** Outer-lip centre of the lower lip. */
    public static final int LOWER_LIP_OUTER = 17;
    /** Subject's right mouth corner (image left). */
    public static final int MOUTH_RIGHT_CORNER = 61;
    /** Subject's left mouth corner (image right). */
    public static final int MOUTH_LEFT_CORNER = 291;

    /** Outer lip ring, starting at the subject's right corner, along the lower lip, back along the upper lip. */
    public static final int[] LIPS_OUTER = {61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267,
            0, 37, 39, 40, 185};
    /** Inner lip ring (the mouth opening), same order as {@link #LIPS_OUTER}. */
    public static final int[] LIPS_INNER = {78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308, 415, 310, 311, 312,
            13, 82, 81, 80, 191};
    /** Subject's right eye contour (image left): outer corner 33, lower lid, inner corner 133, upper lid. */
    public static final int[] RIGHT_EYE = {33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161,
            246};
    /** Subject's left eye contour (image right): outer corner 263, lower lid, inner corner 362, upper lid. */
    public static final int[] LEFT_EYE = {263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388,
            466};
    /** Subject's right eyebrow. */
    public static final int[] RIGHT_BROW = {46, 53, 52, 65, 55, 70, 63, 105, 66, 107};
    /** Subject's left eyebrow. */
    public static final int[] LEFT_BROW = {276, 283, 282, 295, 285, 300, 293, 334, 296, 336};
    /** Face outline, clockwise from the forehead top (10) through the chin (152). */
    public static final int[] FACE_OVAL = {10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379,
            378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109};

    /**
     * One landmark.
     *
     * @param x photo pixels, right
     * @param y photo pixels, down
     * @param z depth in pixel units, relative to the face
     */
    public record Landmark(double x, double y, double z) {
        /** As a 2-D point. */
        public FaceBox.Point xy() {
            return new FaceBox.Point(x, y);
        }
    }

    public FaceMesh {
        points = List.copyOf(points);
        if (points.size() != SIZE) {
            throw new IllegalArgumentException("A face mesh has " + SIZE + " points, got " + points.size());
        }
    }

    /** Landmark {@code i}. */
    public Landmark get(int i) {
        return points.get(i);
    }

    /** The landmarks at the given indices, in that order. */
    public List<Landmark> region(int[] indices) {
        Landmark[] out = new Landmark[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = points.get(indices[i]);
        }
        return List.of(out);
    }

    /** Mean of the landmarks at the given indices. */
    public FaceBox.Point centroid(int[] indices) {
        double sx = 0;
        double sy = 0;
        for (int i : indices) {
            sx += points.get(i).x();
            sy += points.get(i).y();
        }
        return new FaceBox.Point(sx / indices.length, sy / indices.length);
    }

    /** Centre of the subject's right eye contour (image left). */
    public FaceBox.Point rightEyeCenter() {
        return centroid(RIGHT_EYE);
    }

    /** Centre of the subject's left eye contour (image right). */
    public FaceBox.Point leftEyeCenter() {
        return centroid(LEFT_EYE);
    }

    /** Distance between the two eye-contour centres, pixels. */
    public double interOcularDistance() {
        FaceBox.Point r = rightEyeCenter();
        FaceBox.Point l = leftEyeCenter();
        return Math.hypot(l.x() - r.x(), l.y() - r.y());
    }
}
