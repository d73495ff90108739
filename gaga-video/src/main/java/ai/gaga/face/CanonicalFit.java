package ai.gaga.face;

import java.util.Arrays;
import java.util.Objects;

/**
 * The canonical face mesh ({@link CanonicalFaceMesh}, centimetres) fitted to a photo's 468 mesh points by a robust,
 * weighted similarity: {@code photo ≈ scale · R · c + t}, where {@code c} is a canonical vertex in the photo-aligned
 * canonical frame (x towards the image right, y down the face, z away from the viewer; MediaPipe's canonical mesh
 * has y up and z towards the viewer, so its y and z are negated). The photo points are x, y in pixels and z in the
 * same pixel units (the mesh model's depth is scaled with its crop like x and y; the measured least-squares depth
 * scale on the fixture photos is logged by {@code CanonicalFitTest}).
 *
 * <p>The rotation is the closed-form optimum of Horn's quaternion method (largest eigenvector of a 4x4 symmetric
 * matrix, Jacobi iteration), so it is always a proper rotation. Points start with a weight per face part — rigid
 * parts (forehead, nose bridge, eye corners, the upper face oval) count more, the mouth and jaw, brows and eyelids
 * less, as they move with speech and expression — and then {@link #PASSES} reweighting passes shrink the weight of
 * points with large residuals (Cauchy weights), so an open mouth or raised brows do not bias the pose.
 *
 * <p>What is left after the pose is the identity's shape: {@link #offset(int)} is each vertex's residual rotated and
 * scaled back into canonical coordinates (centimetres, MediaPipe's canonical axes). Immutable and thread-safe.
 */
public final class CanonicalFit {
    /** Reweighting passes after the first fit. */
    public static final int PASSES = 2;
    /** Cauchy scale, as a multiple of the median residual: residuals much larger than typical lose weight. */
    private static final double CAUCHY = 2.5;
    /**
     * Forehead (centre line and across), nose bridge and tip, eye corners, upper face oval down to the cheekbones.
     */
    static final int[] RIGID = {10, 151, 9, 8, 109, 67, 103, 338, 297, 332, 108, 69, 104, 337, 299, 333, 168, 6, 197,
            195, 5, 4, 1, 33, 133, 362, 263, 130, 359, 243, 463, 127, 234, 356, 454, 162, 21, 54, 389, 251, 284, 93,
            323};

    /** Lips, the skin around them, the chin and the lower jaw line: they move with speech. */
    static final int[] MOUTH_AND_JAW = {0, 11, 12, 13, 14, 15, 16, 17, 18, 37, 38, 39, 40, 41, 42, 61, 62, 72, 73,
            74, 76, 77, 78, 80, 81, 82, 84, 85, 86, 87, 88, 89, 90, 91, 95, 96, 146, 178, 179, 180, 181, 183, 184, 185,
            191, 267, 268, 269, 270, 271, 272, 291, 292, 302, 303, 304, 306, 307, 308, 310, 311, 312, 314, 315, 316,
            317, 318, 319, 320, 321, 324, 325, 375, 402, 403, 404, 405, 407, 408, 409, 415, 152, 148, 176, 149, 150,
            136, 172, 377, 400, 378, 379, 365, 397, 175, 199, 200, 201, 421, 171, 396, 140, 369, 32, 262, 194, 418,
            83, 313, 106, 335, 182, 406, 43, 273, 57, 287, 204, 424, 211, 431, 208, 428, 135, 364, 169, 394, 170,
            395, 210, 430, 214, 434, 212, 432, 202, 422};
    private static final double[] PART_WEIGHT = partWeights();

    private final double[] r;
    private final double scale;
    private final double[] t;
    private final double rms;
    private final double[] offsets;
    private final double[] fitted;
    private final HeadPose pose;

    private CanonicalFit(double[] r, double scale, double[] t, double rms, double[] offsets, double[] fitted) {
        this.r = r;
        this.fitted = fitted;
        this.scale = scale;
        this.t = t;
        this.rms = rms;
        this.offsets = offsets;
        this.pose = HeadPose.ofRotation(r);
    }

    /**
     * Fits {@code canonical} to {@code mesh}.
     *
     * @throws IllegalArgumentException when the mesh is degenerate (all points at one place)
     */
    public static CanonicalFit fit(CanonicalFaceMesh canonical, FaceMesh mesh) {
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(mesh, "mesh");
        int n = FaceMesh.SIZE;
        double[] c = new double[3 * n];
        double[] p = new double[3 * n];
        float[] v = canonical.vertices();
        for (int i = 0; i < n; i++) {
            c[3 * i] = v[i * CanonicalFaceMesh.STRIDE];
            c[3 * i + 1] = -v[i * CanonicalFaceMesh.STRIDE + 1];
            c[3 * i + 2] = -v[i * CanonicalFaceMesh.STRIDE + 2];
            FaceMesh.Landmark l = mesh.get(i);
            p[3 * i] = l.x();
            p[3 * i + 1] = l.y();
            p[3 * i + 2] = l.z();
        }
        double[] w = PART_WEIGHT.clone();
        double[] res = new double[n];
        Similarity s = null;
        for (int pass = 0; pass <= PASSES; pass++) {
            s = similarity(c, p, w);
            residuals(s, c, p, res);
            if (pass < PASSES) {
                double k = CAUCHY * Math.max(1e-9, median(res));
                for (int i = 0; i < n; i++) {
                    double q = res[i] / k;
                    w[i] = PART_WEIGHT[i] / (1 + q * q);
                }
            }
        }
        double sum = 0;
        for (double e : res) {
            sum += e * e;
        }
        double[] off = new double[3 * n];
        double[] fitted = new double[3 * n];
        double[] d = new double[3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                fitted[3 * i + a] = s.t[a] + s.scale * dotRow(s.r, a, c, 3 * i);
                d[a] = p[3 * i + a] - fitted[3 * i + a];
            }
            for (int a = 0; a < 3; a++) { // R^T d / scale, then back to MediaPipe's axes (y up, z to the viewer)
                double back = (s.r[a] * d[0] + s.r[3 + a] * d[1] + s.r[6 + a] * d[2]) / s.scale;
                off[3 * i + a] = a == 0 ? back : -back;
            }
        }
        return new CanonicalFit(s.r, s.scale, s.t, Math.sqrt(sum / n), off, fitted);
    }

    /** The head pose of the fitted rotation. */
    public HeadPose pose() {
        return pose;
    }

    /** Photo pixels per canonical centimetre. */
    public double scale() {
        return scale;
    }

    /** Rotation matrix element (row-major, photo-aligned canonical frame to photo frame). */
    public double rotation(int row, int col) {
        if (row < 0 || row > 2 || col < 0 || col > 2) {
            throw new IndexOutOfBoundsException("rotation element " + row + "," + col);
        }
        return r[3 * row + col];
    }

    /** The rotation, row-major (a copy). */
    public double[] rotation() {
        return r.clone();
    }

    /** Translation, photo pixels (x, y, z): where the canonical origin lands. */
    public double[] translation() {
        return t.clone();
    }

    /** Root-mean-square 3-D distance between the fitted canonical vertices and the photo's points, pixels. */
    public double rmsResidual() {
        return rms;
    }

    /**
     * Vertex {@code i}'s offset from the canonical mesh in canonical coordinates (centimetres; MediaPipe's axes: x to
     * the subject's left, y up, z towards the viewer): the identity's shape plus whatever expression the photo has.
     */
    public double[] offset(int i) {
        Objects.checkIndex(i, FaceMesh.SIZE);
        return new double[] {offsets[3 * i], offsets[3 * i + 1], offsets[3 * i + 2]};
    }

    /** Where canonical vertex {@code i} lands in the photo (x, y pixels; z in the mesh's pixel units). */
    public double[] fitted(int i) {
        Objects.checkIndex(i, FaceMesh.SIZE);
        return new double[] {fitted[3 * i], fitted[3 * i + 1], fitted[3 * i + 2]};
    }

    /**
     * Where a point given in MediaPipe's canonical coordinates (centimetres, y up, z towards the viewer) lands in the
     * photo (x, y pixels; z in the mesh's pixel units).
     */
    public double[] toPhoto(double x, double y, double z) {
        double[] c = {x, -y, -z};
        double[] out = new double[3];
        for (int a = 0; a < 3; a++) {
            out[a] = t[a] + scale * dotRow(r, a, c, 0);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format("CanonicalFit[%s, scale %.2f px/cm, t (%.1f, %.1f, %.1f), rms %.2f px]", pose, scale,
                t[0], t[1], t[2], rms);
    }

    private record Similarity(double[] r, double scale, double[] t) {
    }

    /** Weighted least-squares similarity from {@code c} to {@code p} (Horn 1987, unit quaternions). */
    private static Similarity similarity(double[] c, double[] p, double[] w) {
        int n = w.length;
        double sw = 0;
        double[] mc = new double[3];
        double[] mp = new double[3];
        for (int i = 0; i < n; i++) {
            sw += w[i];
            for (int a = 0; a < 3; a++) {
                mc[a] += w[i] * c[3 * i + a];
                mp[a] += w[i] * p[3 * i + a];
            }
        }
        for (int a = 0; a < 3; a++) {
            mc[a] /= sw;
            mp[a] /= sw;
        }
        double[] m = new double[9]; // m[3a+b] = sum w c_a p_b, centred
        double varC = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                double ca = c[3 * i + a] - mc[a];
                varC += w[i] * ca * ca;
                for (int b = 0; b < 3; b++) {
                    m[3 * a + b] += w[i] * ca * (p[3 * i + b] - mp[b]);
                }
            }
        }
        if (varC <= 0) {
            throw new IllegalArgumentException("Degenerate canonical weights");
        }
        double sxx = m[0], sxy = m[1], sxz = m[2];
        double syx = m[3], syy = m[4], syz = m[5];
        double szx = m[6], szy = m[7], szz = m[8];
        double[] nm = {
                sxx + syy + szz, syz - szy, szx - sxz, sxy - syx,
                syz - szy, sxx - syy - szz, sxy + syx, szx + sxz,
                szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy,
                sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz};
        double[] q = largestEigenvector4(nm);
        double[] r = quaternionToMatrix(q);
        double num = 0; // sum w (p - mp) . R (c - mc)
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                num += r[3 * a + b] * m[3 * b + a];
            }
        }
        double scale = num / varC;
        if (!(scale > 0)) {
            throw new IllegalArgumentException("Degenerate face mesh: cannot fit the canonical mesh (scale " + scale
                    + ")");
        }
        double[] t = new double[3];
        for (int a = 0; a < 3; a++) {
            t[a] = mp[a] - scale * dotRow(r, a, mc, 0);
        }
        return new Similarity(r, scale, t);
    }

    private static void residuals(Similarity s, double[] c, double[] p, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double e = 0;
            for (int a = 0; a < 3; a++) {
                double d = p[3 * i + a] - s.t[a] - s.scale * dotRow(s.r, a, c, 3 * i);
                e += d * d;
            }
            out[i] = Math.sqrt(e);
        }
    }

    private static double dotRow(double[] r, int row, double[] v, int off) {
        return r[3 * row] * v[off] + r[3 * row + 1] * v[off + 1] + r[3 * row + 2] * v[off + 2];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double[] quaternionToMatrix(double[] q) {
        double w = q[0], x = q[1], y = q[2], z = q[3];
        return new double[] {
                w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
                2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
                2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z};
    }

    /** Cyclic Jacobi rotations on a symmetric 4x4 matrix (row-major); the eigenvector of the largest eigenvalue. */
    static double[] largestEigenvector4(double[] sym) {
        double[] a = sym.clone();
        double[] v = new double[16];
        for (int i = 0; i < 4; i++) {
            v[5 * i] = 1;
        }
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = 0;
            double diag = 0;
            for (int i = 0; i < 4; i++) {
                diag += a[5 * i] * a[5 * i];
                for (int j = i + 1; j < 4; j++) {
                    off += a[4 * i + j] * a[4 * i + j];
                }
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300)) {
                break;
            }
            for (int pI = 0; pI < 4; pI++) {
                for (int qI = pI + 1; qI < 4; qI++) {
                    double apq = a[4 * pI + qI];
                    if (apq == 0) {
                        continue;
                    }
                    double theta = (a[4 * qI + qI] - a[4 * pI + pI]) / (2 * apq);
                    double tt = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        tt = 1;
                    }
                    double cs = 1 / Math.sqrt(tt * tt + 1);
                    double sn = tt * cs;
                    for (int k = 0; k < 4; k++) { // A <- A J (columns p, q)
                        double akp = a[4 * k + pI];
                        double akq = a[4 * k + qI];
                        a[4 * k + pI] = cs * akp - sn * akq;
                        a[4 * k + qI] = sn * akp + cs * akq;
                    }
                    for (int k = 0; k < 4; k++) { // A <- J^T A (rows p, q)
                        double apk = a[4 * pI + k];
                        double aqk = a[4 * qI + k];
                        a[4 * pI + k] = cs * apk - sn * aqk;
                        a[4 * qI + k] = sn * apk + cs * aqk;
                    }
                    for (int k = 0; k < 4; k++) { // V <- V J
                        double vkp = v[4 * k + pI];
                        double vkq = v[4 * k + qI];
                        v[4 * k + pI] = cs * vkp - sn * vkq;
                        v[4 * k + qI] = sn * vkp + cs * vkq;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (a[5 * i] > a[5 * best]) {
                best = i;
            }
        }
        double[] q = new double[4];
        double norm = 0;
        for (int k = 0; k < 4; k++) {
            q[k] = v[4 * k + best];
            norm += q[k] * q[k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < 4; k++) {
            q[k] /= norm;
        }
        return q;
    }

    /**
     * Prior weight of each vertex by face part. Rigid parts (x3): forehead, nose bridge and tip, eye corners, upper face
     * oval and temples. Movable parts: everything below the nose base (lips, jaw, chin: x0.3), brows (x0.5) and
     * eyelids (x0.5). The rest (cheeks, nose wings) x1.
     */
    private static double[] partWeights() {
        double[] w = new double[FaceMesh.SIZE];
        Arrays.fill(w, 1);
        for (int i : MOUTH_AND_JAW) {
            w[i] = 0.3;
        }
        for (int[] part : new int[][] {FaceMesh.RIGHT_BROW, FaceMesh.LEFT_BROW, FaceMesh.RIGHT_EYE,
                FaceMesh.LEFT_EYE}) {
            for (int i : part) {
                w[i] = 0.5;
            }
        }
        for (int i : RIGID) {
            w[i] = 3;
        }
        return w;
    }
}
