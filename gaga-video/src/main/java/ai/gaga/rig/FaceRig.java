package ai.gaga.rig;

import ai.gaga.face.Cancellation;
import ai.gaga.face.CanonicalFit;
import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.Landmarks478;

import java.util.Objects;

/**
 * The deformable face of one photo at one plate scale: the 478 landmarks in plate pixels, two rings of extra points
 * around the face oval and down the neck (the inner ring follows the head partly, the outer ring never moves, so the
 * warp fades into the untouched photo), a Delaunay triangulation of all of them, and for every {@link FaceControl} the
 * displacement of every point at full weight, in the face's own frame (x along the eye line towards the subject's
 * left, y down the face, unit = inter-ocular distance). Head angles and breathing are applied after the expression
 * as a rotation about the head's own axes (the canonical mesh's frame fitted to the photo, {@link
 * ai.gaga.face.CanonicalFit}) around a neck pivot placed in that frame, so a tilted or turned head in the photo
 * nods and turns about its own neck. Immutable and thread-safe.
 */
public final class FaceRig {
    /** Lower inner lip (corners excluded). */
    static final int[] INNER_LOWER = {95, 88, 178, 87, 14, 317, 402, 318, 324};
    /** Upper inner lip, subject's right to left (corners excluded). */
    static final int[] INNER_UPPER = {191, 80, 81, 82, 13, 312, 311, 310, 415};
    /** Upper inner lip from corner to corner, image left to right. */
    static final int[] INNER_UPPER_FULL = {78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308};
    /** Lower inner lip from corner to corner, image left to right. */
    static final int[] INNER_LOWER_FULL = {78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308};
    private static final int[] LOWER_LIP = {95, 88, 178, 87, 14, 317, 402, 318, 324, 146, 91, 181, 84, 17, 314, 405,
            321, 375, 77, 90, 180, 85, 16, 315, 404, 320, 96, 89, 179, 86, 15, 316, 403, 319, 325};
    private static final int[] UPPER_LIP = {191, 80, 81, 82, 13, 312, 311, 310, 415, 185, 40, 39, 37, 0, 267, 269,
            270, 409, 184, 74, 73, 72, 11, 302, 303, 304, 408, 183, 42, 41, 38, 12, 268, 271, 272, 407};
    private static final int[] MOUTH_CORNERS = {61, 291, 78, 308, 76, 306, 62, 292};
    /** Eyelids from the outer to the inner corner: right upper, right lower, left upper, left lower. */
    static final int[][] LIDS = {
            {33, 246, 161, 160, 159, 158, 157, 173, 133}, {33, 7, 163, 144, 145, 153, 154, 155, 133},
            {263, 466, 388, 387, 386, 385, 384, 398, 362}, {263, 249, 390, 373, 374, 380, 381, 382, 362}};

    /** Height above the upper lid line over which the lid skin's share of the lid's motion fades out, IODs. */
    static final double LID_SKIN_FALLOFF = 0.2;
    /** Fraction of the opening the upper lid closes at a full blink. */
    private static final double BLINK_CLOSE = 1.0;
    /** Chin drop at full jaw opening, inter-ocular distances. */
    private static final double JAW_DROP = 0.42;
    private static final double BREATH_RISE = 0.02;
    /** Fraction of the mesh's depth relief used for head rotation. */
    private static final double DEPTH_RELIEF = 0.6;
    /** MOUTH_CLOSE weight that undoes one unit of JAW_OPEN at the lip centre (lower lip: 0.47 down, 0.16 up). */
    private static final float CLOSE_PER_JAW = 2.5f;

    private final int n;
    private final float[] restX;
    private final float[] restY;
    private final float[] restZ;
    private final float[] headWeight;
    private final int[] triangles;
    /** Per control: du then dv for each point (2n floats), or null when the control moves no point. */
    private final float[][] disp;
    private final double axisX;
    private final double axisY;
    private final double iod;
    private final double pivotX;
    private final double pivotY;
    private final double pivotZ;
    /** The fitted head frame, row-major: columns are the head's x (to its left), y (down) and z (back) axes. */
    private final double[] frame;
    private final int width;
    private final int height;

    private FaceRig(Builder b) {
        n = b.n;
        restX = b.x;
        restY = b.y;
        restZ = b.z;
        headWeight = b.head;
        triangles = b.triangles;
        disp = b.disp;
        axisX = b.ax;
        axisY = b.ay;
        iod = b.iod;
        pivotX = b.px;
        pivotY = b.py;
        pivotZ = b.pz;
        frame = b.frame;
        width = b.width;
        height = b.height;
    }

    /**
     * The rig of a face on a plate that is the photo resized to {@code plateWidth x plateHeight}.
     *
     * @throws IllegalArgumentException for a non-positive plate size
     */
    public static FaceRig create(FaceAnalysis face, int plateWidth, int plateHeight) {
        Objects.requireNonNull(face, "face");
        if (plateWidth <= 0 || plateHeight <= 0) {
            throw new IllegalArgumentException("Bad plate size " + plateWidth + "x" + plateHeight);
        }
        return new FaceRig(new Builder(face, plateWidth, plateHeight));
    }

    /** Number of rig points (landmarks first, then the rings). */
    public int pointCount() {
        return n;
    }

    /** Triangles as vertex index triples (a copy). */
    public int[] triangles() {
        return triangles.clone();
    }

    int[] trianglesShared() {
        return triangles;
    }

    /** Rest x of point {@code i}, plate pixels. */
    public float restX(int i) {
        return restX[i];
    }

    /** Rest y of point {@code i}, plate pixels. */
    public float restY(int i) {
        return restY[i];
    }

    /** Inter-ocular distance, plate pixels. */
    public double interOcular() {
        return iod;
    }

    /** Unit vector along the eye line (image x, y). */
    double axisX() {
        return axisX;
    }

    double axisY() {
        return axisY;
    }

    int plateWidth() {
        return width;
    }

    int plateHeight() {
        return height;
    }

    /** Whether a control moves any point (head angles and breathing always do). */
    boolean moves(FaceControl c) {
        return disp[c.ordinal()] != null || c == FaceControl.HEAD_YAW || c == FaceControl.HEAD_PITCH
                || c == FaceControl.HEAD_ROLL || c == FaceControl.BREATH;
    }

    /**
     * The deformed points for a set of controls, plate pixels, into {@code x} and {@code y} (each at least
     * {@link #pointCount()} long). Allocates nothing.
     */
    public void deform(FaceControls controls, float[] x, float[] y) {
        FaceControls.requireNonNull(controls);
        if (x.length < n || y.length < n) {
            throw new IllegalArgumentException("Need arrays of " + n + " points");
        }
        // x, y first accumulate the face-frame displacement, then become positions.
        java.util.Arrays.fill(x, 0, n, 0f);
        java.util.Arrays.fill(y, 0, n, 0f);
        for (int k = 0; k < disp.length; k++) {
            float[] d = disp[k];
            float c = weight(controls, FaceControl.of(k));
            if (d == null || c == 0f) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                x[i] += c * d[i];
                y[i] += c * d[n + i];
            }
        }
        float ux = (float) (axisX * iod);
        float uy = (float) (axisY * iod);
        for (int i = 0; i < n; i++) {
            float du = x[i];
            float dv = y[i];
            // Face frame: u along (ax, ay), v along (-ay, ax), both scaled by the inter-ocular distance.
            x[i] = restX[i] + du * ux - dv * uy;
            y[i] = restY[i] + du * uy + dv * ux;
        }
        headMotion(controls, x, y);
    }

    /**
     * The weight a control is applied with. MOUTH_CLOSE (as ARKit's mouthClose) only closes lips that JAW_OPEN
     * parted: on a closed mouth it would push the lower lip through the upper one.
     */
    static float weight(FaceControls c, FaceControl control) {
        float v = c.get(control);
        if (control == FaceControl.MOUTH_CLOSE) {
            return Math.min(v, CLOSE_PER_JAW * c.get(FaceControl.JAW_OPEN));
        }
        return v;
    }

    /** Adds the face-frame displacement of one control at weight {@code w} for point {@code i} to {@code out}. */
    void controlOffset(FaceControl c, double w, int i, float[] out) {
        float[] d = disp[c.ordinal()];
        if (d == null) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        double du = w * d[i];
        double dv = w * d[n + i];
        out[0] = (float) ((du * axisX - dv * axisY) * iod);
        out[1] = (float) ((du * axisY + dv * axisX) * iod);
    }

    private void headMotion(FaceControls c, float[] x, float[] y) {
        double yaw = Math.toRadians(c.get(FaceControl.HEAD_YAW));
        double pitch = Math.toRadians(c.get(FaceControl.HEAD_PITCH));
        double roll = Math.toRadians(c.get(FaceControl.HEAD_ROLL));
        double rise = c.get(FaceControl.BREATH) * BREATH_RISE * iod;
        if (yaw == 0 && pitch == 0 && roll == 0 && rise == 0) {
            return;
        }
        double[] m = rotation(yaw, pitch, roll, new double[6]); // small and local: the JIT keeps it off the heap
        double m00 = m[0];
        double m01 = m[1];
        double m02 = m[2];
        double m10 = m[3];
        double m11 = m[4];
        double m12 = m[5];
        for (int i = 0; i < n; i++) {
            float h = headWeight[i];
            if (h == 0f) {
                continue;
            }
            double px = x[i] - pivotX;
            double py = y[i] - pivotY;
            double pz = restZ[i] - pivotZ;
            double qx = m00 * px + m01 * py + m02 * pz;
            double qy = m10 * px + m11 * py + m12 * pz;
            x[i] += (float) (h * (qx - px));
            y[i] += (float) (h * (qy - py - rise));
        }
    }

    /**
     * How far the head's turn and tilt (yaw and roll; not the nod) carry the bridge of the nose sideways, plate
     * pixels: what the shoulders follow a little of ({@link BodyLayer}).
     *
     * @param scratch six doubles of the caller's (so that the rig stays immutable and allocation-free)
     */
    double headShiftX(FaceControls c, double[] scratch) {
        double yaw = Math.toRadians(c.get(FaceControl.HEAD_YAW));
        double roll = Math.toRadians(c.get(FaceControl.HEAD_ROLL));
        if (yaw == 0 && roll == 0) {
            return 0;
        }
        double[] m = rotation(yaw, 0, roll, scratch);
        int i = NOSE_BRIDGE;
        double px = restX[i] - pivotX;
        double py = restY[i] - pivotY;
        double pz = restZ[i] - pivotZ;
        return m[0] * px + m[1] * py + m[2] * pz - px;
    }

    /** Landmark between the eyes, on the head's midline. */
    private static final int NOSE_BRIDGE = 168;

    /**
     * The first two rows of the head rotation in camera space, {m00, m01, m02, m10, m11, m12}. Head frame (F,
     * fitted): x to the head's left, y down the face, z back. Yaw turns the nose towards the head's left (image right
     * when frontal), pitch lifts the chin (nose up), roll drops the eye line towards the head's left. The rotation in
     * camera space is F * Rc * F^T.
     */
    private double[] rotation(double yaw, double pitch, double roll, double[] m) {
        double cy = Math.cos(yaw);
        double sy = Math.sin(yaw);
        double cp = Math.cos(pitch);
        double sp = Math.sin(pitch);
        double cr = Math.cos(roll);
        double sr = Math.sin(roll);
        // Rc = Rroll * Rpitch * Ryaw, rows a (after yaw and pitch) then roll.
        double a00 = cy;
        double a02 = -sy;
        double a10 = sp * sy;
        double a11 = cp;
        double a12 = sp * cy;
        double r00 = cr * a00 - sr * a10;
        double r01 = -sr * a11;
        double r02 = cr * a02 - sr * a12;
        double r10 = sr * a00 + cr * a10;
        double r11 = cr * a11;
        double r12 = sr * a02 + cr * a12;
        double r20 = cp * sy;
        double r21 = -sp;
        double r22 = cp * cy;
        double[] f = frame;
        // G = Rc * F^T (G[k][j] = sum_m Rc[k][m] F[j][m]), then M = F * G for rows 0 and 1.
        double g00 = r00 * f[0] + r01 * f[1] + r02 * f[2];
        double g01 = r00 * f[3] + r01 * f[4] + r02 * f[5];
        double g02 = r00 * f[6] + r01 * f[7] + r02 * f[8];
        double g10 = r10 * f[0] + r11 * f[1] + r12 * f[2];
        double g11 = r10 * f[3] + r11 * f[4] + r12 * f[5];
        double g12 = r10 * f[6] + r11 * f[7] + r12 * f[8];
        double g20 = r20 * f[0] + r21 * f[1] + r22 * f[2];
        double g21 = r20 * f[3] + r21 * f[4] + r22 * f[5];
        double g22 = r20 * f[6] + r21 * f[7] + r22 * f[8];
        m[0] = f[0] * g00 + f[1] * g10 + f[2] * g20;
        m[1] = f[0] * g01 + f[1] * g11 + f[2] * g21;
        m[2] = f[0] * g02 + f[1] * g12 + f[2] * g22;
        m[3] = f[3] * g00 + f[4] * g10 + f[5] * g20;
        m[4] = f[3] * g01 + f[4] * g11 + f[5] * g21;
        m[5] = f[3] * g02 + f[4] * g12 + f[5] * g22;
        return m;
    }

    /** Builds the points, weights, triangles and displacement tables. */
    private static final class Builder {
        final int width;
        final int height;
        final int n;
        final float[] x;
        final float[] y;
        final float[] z;
        final float[] head;
        final float[] exprWeight;
        final double[] u;
        final double[] v;
        final double ax;
        final double ay;
        final double iod;
        final double ox;
        final double oy;
        double px;
        double py;
        double pz;
        final double[] frame;
        int[] triangles;
        final float[][] disp = new float[FaceControl.count()][];
        // Mouth geometry in face units.
        double mouthC;
        double mouthHalf;
        final double[][] upperInner = new double[2][];
        final double[][] lowerInner = new double[2][];
        final double[][][] lidCurves = new double[4][2][];
        final boolean[] lower;
        final boolean[] upper;
        final boolean[] corner;

        Builder(FaceAnalysis face, int plateWidth, int plateHeight) {
            Cancellation.check();
            width = plateWidth;
            height = plateHeight;
            double sx = plateWidth / (double) face.width();
            double sy = plateHeight / (double) face.height();
            Landmarks478 lm = face.landmarks();
            int oval = FaceMesh.FACE_OVAL.length;
            n = Landmarks478.SIZE + 3 * oval;
            x = new float[n];
            y = new float[n];
            z = new float[n];
            head = new float[n];
            exprWeight = new float[n];
            // Depth flattened: the mesh's full relief makes the far side fold over itself (tear at the silhouette)
            // already at 10-15 degrees of yaw; flatter relief turns the head as a shallower, unfolding shape.
            double zs = Math.sqrt(sx * sy) * DEPTH_RELIEF;
            for (int i = 0; i < Landmarks478.SIZE; i++) {
                x[i] = (float) (lm.get(i).x() * sx);
                y[i] = (float) (lm.get(i).y() * sy);
                z[i] = (float) (lm.get(i).z() * zs);
                head[i] = 1;
                exprWeight[i] = 1;
            }
            double rx = centroidX(FaceMesh.RIGHT_EYE);
            double ry = centroidY(FaceMesh.RIGHT_EYE);
            double lx = centroidX(FaceMesh.LEFT_EYE);
            double ly = centroidY(FaceMesh.LEFT_EYE);
            iod = Math.max(1e-3, Math.hypot(lx - rx, ly - ry));
            ax = (lx - rx) / iod;
            ay = (ly - ry) / iod;
            ox = (lx + rx) / 2;
            oy = (ly + ry) / 2;

            // Rings: the oval pushed outwards from the face centre, further below the chin (down the neck).
            double fcx = centroidX(FaceMesh.FACE_OVAL);
            double fcy = centroidY(FaceMesh.FACE_OVAL);
            for (int k = 0; k < oval; k++) {
                int o = FaceMesh.FACE_OVAL[k];
                double dx = x[o] - fcx;
                double dy = y[o] - fcy;
                double len = Math.max(1e-6, Math.hypot(dx, dy));
                dx /= len;
                dy /= len;
                double down = Math.max(0, dx * -ay + dy * ax); // component along the face's downward axis
                double stretch = 1 + 0.6 * down;
                double[] dist = {0.3, 0.65, 1.05};
                float[] hw = {0.85f, (float) (0.2 + 0.25 * down), 0f};
                float[] ew = {0.5f, 0f, 0f};
                for (int r = 0; r < 3; r++) {
                    int i = Landmarks478.SIZE + r * oval + k;
                    x[i] = (float) (x[o] + dx * dist[r] * stretch * iod);
                    y[i] = (float) (y[o] + dy * dist[r] * stretch * iod);
                    z[i] = z[o];
                    head[i] = hw[r];
                    exprWeight[i] = ew[r];
                }
            }
            u = new double[n];
            v = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = ((x[i] - ox) * ax + (y[i] - oy) * ay) / iod;
                v[i] = (-(x[i] - ox) * ay + (y[i] - oy) * ax) / iod;
            }
            // The neck pivot in the fitted head frame: 0.3 IOD below the chin and 1.6 IOD (in the flattened depth)
            // behind the nose tip, on the head's midline.
            CanonicalFit fit = face.fit();
            frame = fit.rotation();
            double[] t = fit.translation();
            double photoIod = iod / Math.sqrt(sx * sy);
            double hy = head(fit.fitted(152), t)[1] + 0.3 * photoIod;
            double hz = head(fit.fitted(FaceMesh.NOSE_TIP), t)[2] + 1.6 * photoIod / DEPTH_RELIEF;
            double[] pv = new double[3];
            for (int a = 0; a < 3; a++) { // t + F (0, hy, hz): on the head's midline
                pv[a] = t[a] + frame[3 * a + 1] * hy + frame[3 * a + 2] * hz;
            }
            px = pv[0] * sx;
            py = pv[1] * sy;
            pz = pv[2] * zs;

            lower = mark(LOWER_LIP);
            upper = mark(UPPER_LIP);
            corner = mark(MOUTH_CORNERS);
            curve(INNER_UPPER_FULL, upperInner);
            curve(INNER_LOWER_FULL, lowerInner);
            for (int e = 0; e < 4; e++) {
                curve(LIDS[e], lidCurves[e]);
            }
            mouthC = (u[78] + u[308]) / 2;
            mouthHalf = Math.max(0.05, Math.abs(u[308] - u[78]) / 2);
            Cancellation.check();
            buildControls();
            Cancellation.check();
            for (float[] d : disp) {
                if (d != null) {
                    for (int i = 0; i < n; i++) {
                        d[i] *= exprWeight[i];
                        d[n + i] *= exprWeight[i];
                    }
                }
            }
            triangulate();
        }

        /** A photo point in the fitted head frame (axes of {@link #frame}, origin {@code t}), photo pixels. */
        private double[] head(double[] p, double[] t) {
            double[] h = new double[3];
            for (int a = 0; a < 3; a++) {
                h[a] = frame[a] * (p[0] - t[0]) + frame[3 + a] * (p[1] - t[1]) + frame[6 + a] * (p[2] - t[2]);
            }
            return h;
        }

        private double centroidX(int[] idx) {
            double s = 0;
            for (int i : idx) {
                s += x[i];
            }
            return s / idx.length;
        }

        private double centroidY(int[] idx) {
            double s = 0;
            for (int i : idx) {
                s += y[i];
            }
            return s / idx.length;
        }

        private boolean[] mark(int[] idx) {
            boolean[] m = new boolean[n];
            for (int i : idx) {
                m[i] = true;
            }
            return m;
        }

        /** A polyline as (u sorted ascending, v) in face units. */
        private void curve(int[] idx, double[][] out) {
            double[] cu = new double[idx.length];
            double[] cv = new double[idx.length];
            for (int k = 0; k < idx.length; k++) {
                cu[k] = u[idx[k]];
                cv[k] = v[idx[k]];
            }
            // Insertion sort by u (the lists are nearly sorted already).
            for (int a = 1; a < cu.length; a++) {
                for (int b = a; b > 0 && cu[b - 1] > cu[b]; b--) {
                    double t = cu[b];
                    cu[b] = cu[b - 1];
                    cu[b - 1] = t;
                    t = cv[b];
                    cv[b] = cv[b - 1];
                    cv[b - 1] = t;
                }
            }
            out[0] = cu;
            out[1] = cv;
        }

        /** The curve's v at {@code uu}, clamped to its ends. */
        private static double at(double[][] c, double uu) {
            double[] cu = c[0];
            double[] cv = c[1];
            if (uu <= cu[0]) {
                return cv[0];
            }
            for (int k = 1; k < cu.length; k++) {
                if (uu <= cu[k]) {
                    double span = cu[k] - cu[k - 1];
                    double t = span <= 1e-9 ? 1 : (uu - cu[k - 1]) / span;
                    return cv[k - 1] + t * (cv[k] - cv[k - 1]);
                }
            }
            return cv[cv.length - 1];
        }

        private float[] table(FaceControl c) {
            float[] d = new float[2 * n];
            disp[c.ordinal()] = d;
            return d;
        }

        private void add(float[] d, int i, double du, double dv) {
            d[i] += (float) du;
            d[n + i] += (float) dv;
        }

        /** Signed distance below the closed-mouth line (between the inner lips), face units. */
        private double belowLipLine(int i) {
            double uu = Math.max(u[78], Math.min(u[308], u[i]));
            return v[i] - (at(upperInner, uu) + at(lowerInner, uu)) / 2;
        }

        /** How much a point belongs to the lips (1 on them, fading over about a lip's thickness). */
        private double lipWeight(int i, double thickness) {
            double lateral = 1 - smooth(mouthHalf, mouthHalf + 0.12, Math.abs(u[i] - mouthC));
            double s = belowLipLine(i);
            return lateral * Math.exp(-(s * s) / (thickness * thickness));
        }

        private boolean isLower(int i) {
            return lower[i] || (!upper[i] && !corner[i] && belowLipLine(i) > 0);
        }

        /** 0 on and below the upper eyelids, 1 well above them and away from the eyes. */
        private double aboveEyeGuard(int i) {
            double g = 1;
            for (int e = 0; e < 4; e += 2) {
                double[][] up = lidCurves[e];
                double lo = up[0][0] - 0.06;
                double hi = up[0][up[0].length - 1] + 0.06;
                if (u[i] >= lo && u[i] <= hi) {
                    double d = at(up, u[i]) - v[i];
                    g = Math.min(g, smooth(0.03, 0.14, d));
                }
            }
            return g;
        }

        /** 0 above the lower eyelids, a little on them, 1 well below them. */
        private double belowEyeGuard(int i) {
            double g = 1;
            for (int e = 1; e < 4; e += 2) {
                double[][] lo = lidCurves[e];
                double a = lo[0][0] - 0.06;
                double b = lo[0][lo[0].length - 1] + 0.06;
                if (u[i] >= a && u[i] <= b) {
                    double d = v[i] - at(lo, u[i]);
                    g = Math.min(g, d < -0.01 ? 0 : 0.15 + 0.85 * smooth(0, 0.12, d));
                }
            }
            return g;
        }

        private void gauss(float[] d, double cu, double cv, double r, double du, double dv, int guard) {
            for (int i = 0; i < n; i++) {
                double a = u[i] - cu;
                double b = v[i] - cv;
                double w = Math.exp(-(a * a + b * b) / (2 * r * r));
                if (w < 1e-3) {
                    continue;
                }
                if (guard == 1) {
                    w *= aboveEyeGuard(i);
                } else if (guard == 2) {
                    w *= belowEyeGuard(i);
                }
                add(d, i, w * du, w * dv);
            }
        }

        /** Gaussian handles on both mouth corners; {@code out} is the outward push. */
        private void corners(float[] d, double r, double out, double dv) {
            gauss(d, u[61], v[61], r, -out, dv, 0);
            gauss(d, u[291], v[291], r, out, dv, 0);
        }

        private void buildControls() {
            jaw();
            lips();
            Cancellation.check();
            cheeksAndNose();
            brows();
            eyes();
        }

        private void jaw() {
            float[] d = table(FaceControl.JAW_OPEN);
            double[] hinge = {u[234], v[234], u[454], v[454]};
            // The hinges placed as on the face seen from the front: each side's width from the mouth to its hinge
            // evened out. On a turned face the far hinge is seen close to the mouth, and measured as seen it held the
            // lips there (the lower lip of the dancing photo's three-quarter face opened at 0.7 of a frontal one's;
            // sync on its render 0.14).
            // Only a turned face (its sides from the mouth to the hinges unequal by 15 % of the width and more) is
            // frontalised: a face seen from the front keeps the hinges where they are seen, to the pixel.
            double sideL = Math.abs(mouthC - hinge[0]);
            double sideR = Math.abs(hinge[2] - mouthC);
            double half = Math.max(1e-6, (sideL + sideR) / 2);
            // Each side's factor to the mean width (a side seen at under a quarter of it taken as a quarter).
            double[] stretch = {half / Math.max(0.25 * half, sideL), half / Math.max(0.25 * half, sideR)};
            double turned = smooth(0.15, 0.4, Math.abs(sideL - sideR) / Math.max(1e-6, sideL + sideR));
            double chinR = Math.hypot(frontal(u[152], mouthC, stretch) - mouthC, v[152] - (hinge[1] + hinge[3]) / 2);
            double chinSeen = Math.hypot(u[152] - (hinge[0] + hinge[2]) / 2, v[152] - hinge[1]);
            for (int i = 0; i < n; i++) {
                double w;
                if (lower[i]) {
                    w = 1;
                } else if (upper[i]) {
                    w = 0;
                } else if (i == 61 || i == 291 || i == 78 || i == 308) {
                    w = 0.45;
                } else {
                    double s = belowLipLine(i);
                    double dl = Math.abs(u[i] - mouthC) - mouthHalf;
                    w = dl <= 0 ? smooth(-0.03, 0.03, s) : smooth(-0.03 - 0.4 * dl, 0.03 + 0.9 * dl, s);
                }
                if (w == 0) {
                    continue;
                }
                // The lips part most in the middle and stay together at the corners (a lens, not a slot).
                double un = Math.min(1, Math.abs(u[i] - mouthC) / mouthHalf);
                double nearLips = Math.exp(-Math.pow(belowLipLine(i) / 0.18, 2));
                w *= 1 - nearLips * 0.6 * un * un;
                // Rotation about the jaw hinge below the ears: points near the hinge move less.
                int side = u[i] < mouthC ? 0 : 2;
                double hingeU = mouthC + (side == 0 ? -half : half);
                double seen = Math.hypot(u[i] - hinge[side], v[i] - hinge[side + 1]) / chinSeen;
                double r = turned == 0 ? seen : seen + turned
                        * (Math.hypot(frontal(u[i], mouthC, stretch) - hingeU, v[i] - hinge[side + 1]) / chinR - seen);
                w *= Math.sqrt(Math.min(1, r));
                double extra = lower[i] && lipWeight(i, 0.06) > 0.5 ? 0.05 : 0;
                // The opening mouth narrows a little: points move towards the midline in proportion.
                double du = -0.08 * (u[i] - mouthC) * w * lipWeight(i, 0.25);
                add(d, i, du, w * JAW_DROP + extra);
            }
            // The upper lip lifts slightly off the teeth.
            for (int i = 0; i < n; i++) {
                if (upper[i]) {
                    add(d, i, 0, -0.02 * lipWeight(i, 0.1));
                }
            }
        }

        /** A point's u with its side of {@code c} stretched by that side's factor ({@code stretch}: left, right). */
        private static double frontal(double uu, double c, double[] stretch) {
            return c + (uu - c) * (uu < c ? stretch[0] : stretch[1]);
        }

        private void lips() {
            float[] funnel = table(FaceControl.MOUTH_FUNNEL);
            float[] pucker = table(FaceControl.MOUTH_PUCKER);
            float[] close = table(FaceControl.MOUTH_CLOSE);
            float[] press = table(FaceControl.MOUTH_PRESS);
            float[] rollLower = table(FaceControl.MOUTH_ROLL_LOWER);
            float[] rollUpper = table(FaceControl.MOUTH_ROLL_UPPER);
            float[] upperUp = table(FaceControl.MOUTH_UPPER_UP);
            float[] lowerDown = table(FaceControl.MOUTH_LOWER_DOWN);
            for (int i = 0; i < n; i++) {
                double lw = lipWeight(i, 0.16);
                if (lw < 1e-3) {
                    continue;
                }
                double s = belowLipLine(i);
                boolean low = isLower(i);
                double toMid = -(u[i] - mouthC);
                double inner = lipWeight(i, 0.05);
                add(funnel, i, 0.22 * toMid * lw, (low ? 0.05 : -0.035) * inner + (low ? 0.02 : -0.01) * lw);
                add(pucker, i, 0.32 * toMid * lw, -0.3 * s * lw);
                add(close, i, 0, (low ? -0.16 : 0.04) * lw);
                add(press, i, 0.03 * -toMid * lw, -0.35 * s * lw);
                if (low) {
                    add(rollLower, i, 0, -0.45 * s * lw);
                    add(lowerDown, i, 0, 0.07 * lipWeight(i, 0.2));
                } else {
                    add(rollUpper, i, 0, -0.45 * s * lw);
                    // Raised most beside the philtrum (the squared lip of a snarl, baring the canines), the mouth
                    // corners less (a lifted corner reads as a smile).
                    double un = Math.abs(u[i] - mouthC) / mouthHalf;
                    double shape = un < 1 ? 0.8 + 0.7 * Math.sin(Math.PI * un) : 0.8 - 0.8 * smooth(1, 1.25, un);
                    add(upperUp, i, 0, -0.09 * shape * lipWeight(i, 0.2));
                }
            }
            corners(table(FaceControl.MOUTH_SMILE), 0.22, 0.09, -0.12);
            corners(table(FaceControl.MOUTH_FROWN), 0.22, 0.02, 0.14);
            corners(table(FaceControl.MOUTH_STRETCH), 0.25, 0.1, 0.02);
            corners(table(FaceControl.MOUTH_DIMPLE), 0.15, 0.05, -0.01);
            // A smile also lifts the cheeks (and with them, a little, the lower lids).
            float[] smile = disp[FaceControl.MOUTH_SMILE.ordinal()];
            double cheekV = (v[61] + v[291]) / 2 - 0.45;
            gauss(smile, u[61] - 0.08, cheekV, 0.25, -0.01, -0.06, 2);
            gauss(smile, u[291] + 0.08, cheekV, 0.25, 0.01, -0.06, 2);
        }

        private void cheeksAndNose() {
            float[] puff = table(FaceControl.CHEEK_PUFF);
            double pv = (v[61] + v[291]) / 2 - 0.1;
            gauss(puff, u[61] - 0.2, pv, 0.25, -0.07, 0, 0);
            gauss(puff, u[291] + 0.2, pv, 0.25, 0.07, 0, 0);
            float[] squint = table(FaceControl.CHEEK_SQUINT);
            double sv = (v[145] + v[374]) / 2 + 0.3;
            gauss(squint, u[145], sv, 0.2, 0, -0.05, 2);
            gauss(squint, u[374], sv, 0.2, 0, -0.05, 2);
            float[] sneer = table(FaceControl.NOSE_SNEER);
            gauss(sneer, u[129], v[129], 0.12, 0, -0.045, 0);
            gauss(sneer, u[358], v[358], 0.12, 0, -0.045, 0);
            gauss(sneer, u[0], v[0], 0.15, 0, -0.015, 0);
        }

        private void brows() {
            float[] inner = table(FaceControl.BROW_INNER_UP);
            gauss(inner, u[107], v[107], 0.24, 0.01, -0.2, 1);
            gauss(inner, u[336], v[336], 0.24, -0.01, -0.2, 1);
            float[] outer = table(FaceControl.BROW_OUTER_UP);
            gauss(outer, (u[70] + u[46]) / 2, (v[70] + v[46]) / 2, 0.2, 0, -0.11, 1);
            gauss(outer, (u[300] + u[276]) / 2, (v[300] + v[276]) / 2, 0.2, 0, -0.11, 1);
            float[] down = table(FaceControl.BROW_DOWN);
            // Lowered and drawn together (corrugator): centred towards the inner brow, and deep enough (0.16 IOD) that
            // the landmark model reads browDown at all; at 0.1 IOD it read no change on either fixture photo.
            gauss(down, (u[66] + u[107]) / 2, (v[66] + v[107]) / 2, 0.24, 0.06, 0.16, 1);
            gauss(down, (u[296] + u[336]) / 2, (v[296] + v[336]) / 2, 0.24, -0.06, 0.16, 1);
        }

        private void eyes() {
            float[] blinkR = table(FaceControl.EYE_BLINK_RIGHT);
            float[] blinkL = table(FaceControl.EYE_BLINK_LEFT);
            float[] wide = table(FaceControl.EYE_WIDE);
            float[] squint = table(FaceControl.EYE_SQUINT);
            float[] scratch = new float[2 * n];
            for (int e = 0; e < 4; e += 2) {
                double[][] up = lidCurves[e];
                double[][] lo = lidCurves[e + 1];
                double u0 = up[0][0];
                double u1 = up[0][up[0].length - 1];
                float[] blink = e == 0 ? blinkR : blinkL;
                for (int i = 0; i < n; i++) {
                    if (u[i] < u0 || u[i] > u1) {
                        continue;
                    }
                    double a = at(up, u[i]);
                    double b = at(lo, u[i]);
                    double h = Math.max(0, b - a);
                    if (h <= 0) {
                        continue;
                    }
                    double vi = v[i];
                    // The eyeball does not stretch: irises keep still when the lids open or narrow.
                    boolean iris = i >= Landmarks478.RIGHT_IRIS_CENTER && i < Landmarks478.SIZE;
                    float[] wideT = iris ? scratch : wide;
                    float[] squintT = iris ? scratch : squint;
                    if (vi >= a - 1e-6 && vi <= b + 1e-6) { // on the upper lid or inside the opening
                        double t = Math.min(1, Math.max(0, (vi - a) / h));
                        add(blink, i, 0, (b - vi) * BLINK_CLOSE);
                        add(wideT, i, 0, -0.6 * h * (1 - t) + 0.12 * h * t);
                        add(squintT, i, 0, 0.12 * h * (1 - t) - 0.35 * h * t);
                    } else if (vi < a) { // lid skin above: follows the lid, fading with height
                        double f = 1 - smooth(0, LID_SKIN_FALLOFF, a - vi);
                        add(blink, i, 0, h * BLINK_CLOSE * f);
                        add(wideT, i, 0, -0.6 * h * f);
                        add(squintT, i, 0, 0.12 * h * f);
                    } else { // below the lower lid
                        if (iris) {
                            // The iris circle reaches under the lower lid: a closing lid gathers it to the lid line
                            // too, else the warp would squeeze the iris into the band below the line.
                            add(blink, i, 0, (b - vi) * BLINK_CLOSE);
                        }
                        double f = 1 - smooth(0, 0.18, vi - b);
                        add(wideT, i, 0, 0.12 * h * f);
                        add(squintT, i, 0, -0.35 * h * f);
                    }
                }
            }
            float[] gx = table(FaceControl.GAZE_X);
            float[] gy = table(FaceControl.GAZE_Y);
            for (int i = Landmarks478.RIGHT_IRIS_CENTER; i < Landmarks478.SIZE; i++) {
                add(gx, i, 0.06, 0);
                add(gy, i, 0, -0.035);
            }
        }

        private void triangulate() {
            // Triangulate an opened mouth so that no triangle spans from one lip across the other: the same
            // connectivity then stays valid (no folds) as the jaw opens.
            float[] jaw = disp[FaceControl.JAW_OPEN.ordinal()];
            double[] tx = new double[n];
            double[] ty = new double[n];
            for (int i = 0; i < n; i++) {
                double du = 0.7 * jaw[i];
                double dv = 0.7 * jaw[n + i];
                tx[i] = x[i] + (du * ax - dv * ay) * iod;
                ty[i] = y[i] + (du * ay + dv * ax) * iod;
            }
            int[] t = Delaunay.triangulate(tx, ty, n);
            // Back to front by rest depth: where a turned head folds its far side under (self-occlusion), the
            // nearer surface is drawn last and covers it.
            int count = t.length / 3;
            Integer[] order = new Integer[count];
            double[] depth = new double[count];
            for (int k = 0; k < count; k++) {
                order[k] = k;
                depth[k] = z[t[3 * k]] + z[t[3 * k + 1]] + z[t[3 * k + 2]];
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(depth[b], depth[a]));
            triangles = new int[t.length];
            for (int k = 0; k < count; k++) {
                System.arraycopy(t, 3 * order[k], triangles, 3 * k, 3);
            }
        }
    }

    static double smooth(double e0, double e1, double t) {
        if (t <= e0) {
            return 0;
        }
        if (t >= e1) {
            return 1;
        }
        double s = (t - e0) / (e1 - e0);
        return s * s * (3 - 2 * s);
    }
}
