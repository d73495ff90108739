package ai.gaga.face;

/**
 * Head orientation in degrees, from the canonical face mesh fitted to the photo's mesh ({@link CanonicalFit}). The
 * camera frame is x right, y down, z away from the camera. The head's rotation is {@code Rroll · Rpitch · Ryaw}
 * applied to a frontal face (yaw first, about the vertical axis; then pitch about the horizontal axis; then roll in
 * the image plane), the same order as the rig's head controls.
 *
 * <p>Pitch sign: checked on a synthetically rotated canonical mesh ({@code CanonicalFitTest}). A positive pitch puts
 * the chin farther from the camera than the forehead, which is the head tilted <em>forward</em> (looking down, the
 * nose moves down in the image), not back. (The rig's {@code HEAD_PITCH} control, which lifts the nose, is the
 * opposite sign.)
 *
 * @param yaw   turn about the vertical axis; positive when the face's image-right side is farther from the camera
 *              (the nose turns towards the image right)
 * @param pitch nod; positive when the chin is farther from the camera than the forehead (looking down)
 * @param roll  in-plane tilt; positive when the eye line descends to the image right
 */
public record HeadPose(double yaw, double pitch, double roll) {

    /** The pose of a mesh: the canonical mesh fitted to it. */
    public static HeadPose of(FaceMesh mesh, CanonicalFaceMesh canonical) {
        return CanonicalFit.fit(canonical, mesh).pose();
    }

    /**
     * The angles of a rotation matrix (row-major, frontal face frame to camera frame), decomposed as
     * {@code Rroll · Rpitch · Ryaw}.
     *
     * @throws IllegalArgumentException unless it has 9 elements
     */
    public static HeadPose ofRotation(double[] r) {
        if (r.length != 9) {
            throw new IllegalArgumentException("A rotation matrix has 9 elements, got " + r.length);
        }
        // Row z of Rroll·Rpitch·Ryaw is (cos p · sin y, sin p, cos p · cos y); column y's x, y are (-sin r · cos p,
        // cos r · cos p).
        double pitch = Math.asin(Math.max(-1, Math.min(1, r[7])));
        double yaw = Math.atan2(r[6], r[8]);
        double roll = Math.atan2(-r[1], r[4]);
        return new HeadPose(Math.toDegrees(yaw), Math.toDegrees(pitch), Math.toDegrees(roll));
    }

    /**
     * The rotation matrix of these angles (row-major), {@code Rroll · Rpitch · Ryaw}: the inverse of
     * {@link #ofRotation}.
     */
    public double[] rotation() {
        double y = Math.toRadians(yaw);
        double p = Math.toRadians(pitch);
        double r = Math.toRadians(roll);
        double cy = Math.cos(y);
        double sy = Math.sin(y);
        double cp = Math.cos(p);
        double sp = Math.sin(p);
        double cr = Math.cos(r);
        double sr = Math.sin(r);
        // Ryaw: x -> (cy, 0, sy); Rpitch: y -> (0, cp, sp); Rroll: x -> (cr, sr, 0).
        double[] ry = {cy, 0, -sy, 0, 1, 0, sy, 0, cy};
        double[] rp = {1, 0, 0, 0, cp, -sp, 0, sp, cp};
        double[] rr = {cr, -sr, 0, sr, cr, 0, 0, 0, 1};
        return mul(rr, mul(rp, ry));
    }

    private static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }
}
