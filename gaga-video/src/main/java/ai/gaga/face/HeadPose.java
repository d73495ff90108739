package ai.gaga.face;

/**
 * Head orientation in degrees, estimated from the mesh's own 3-D points (the v1 mesh gives x, y in pixels and z in
 * the same units): the face's x axis runs between the outer eye corners, its y axis from forehead to chin
 * (orthogonalised), and the angles are read off those axes. Good to a few degrees on near-frontal faces, which is
 * what the warnings need; the rig will fit the canonical mesh properly.
 *
 * @param yaw   turn about the vertical axis; positive when the face's image-right side is farther from the camera
 * @param pitch nod; positive when the chin is farther from the camera than the forehead (head tilted back)
 * @param roll  in-plane tilt; positive when the eye line descends to the image right
 */
public record HeadPose(double yaw, double pitch, double roll) {

    /** The pose of a mesh. */
    public static HeadPose of(FaceMesh m) {
        double[] x = sub(m.get(263), m.get(33));
        normalize(x);
        double[] y = sub(m.get(152), m.get(10));
        double d = dot(y, x);
        for (int i = 0; i < 3; i++) {
            y[i] -= d * x[i];
        }
        normalize(y);
        return new HeadPose(Math.toDegrees(Math.atan2(x[2], Math.hypot(x[0], x[1]))),
                Math.toDegrees(Math.atan2(y[2], Math.hypot(y[0], y[1]))),
                Math.toDegrees(Math.atan2(x[1], x[0])));
    }

    private static double[] sub(FaceMesh.Landmark a, FaceMesh.Landmark b) {
        return new double[] {a.x() - b.x(), a.y() - b.y(), a.z() - b.z()};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static void normalize(double[] a) {
        double n = Math.sqrt(dot(a, a));
        for (int i = 0; i < 3; i++) {
            a[i] /= n;
        }
    }
}
