package ai.gaga.face;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which of a photo's eyes are closed (a wink, both shut), read from the blendshapes (eyeBlinkLeft/Right) and the
 * eye-opening geometry of the mesh, and how the neutral rest opens them: a single closed eye is rebuilt from the open
 * one, mirrored; two closed eyes are synthesised (sclera, an iris disc, the photo's own lid and lash line lifted).
 *
 * <p>The blink weights alone are not enough: the rig's own drawn wink reads eyeBlink 0.55 and a dancer's visibly
 * shut right eye 0.49, so a weight above {@link #BLINK_SOME} also counts as closed when the lids are less than
 * {@link #SHUT_OPENING} inter-ocular distances apart, or less than half as far apart as the other eye's.
 *
 * @param rightClosed  whether the subject's right eye (image left) is closed
 * @param leftClosed   whether the subject's left eye (image right) is closed
 * @param rightOpening the right eye's lid opening, inter-ocular distances (upper to lower lid, mean of 3 pairs)
 * @param leftOpening  the left eye's lid opening, inter-ocular distances
 * @param widthRatio   the narrower eye's corner-to-corner width over the wider one's (1 for a frontal face, smaller
 *                     as the head turns: a mirrored eye is foreshortened differently from the one it replaces)
 * @param eyeWidth     the closed eye's width (the narrower one's if both or neither are closed), inter-ocular
 *                     distances
 */
public record ClosedEyes(boolean rightClosed, boolean leftClosed, double rightOpening, double leftOpening,
                         double widthRatio, double eyeWidth) {
    /** eyeBlink above this is a closed eye whatever the geometry. */
    public static final double BLINK_CLOSED = 0.55;
    /** eyeBlink above this is a closed eye when the geometry agrees. */
    public static final double BLINK_SOME = 0.3;
    /** Lids nearer than this (inter-ocular distances) are shut; open eyes read 0.1..0.17 on the fixtures. */
    public static final double SHUT_OPENING = 0.07;
    /**
     * Below this width ratio (about 20 degrees of yaw) the other eye, mirrored, is too foreshortened to match: a
     * warning says so. At 26 degrees (0.83, the selfie) the mirrored eye reads open but shows the near eye's lighting.
     */
    public static final double MIRROR_WIDTH_RATIO = 0.85;
    /** Head yaw (degrees) beyond which a wink mirrored from the other eye is warned about, whatever the widths. */
    public static final double MIRROR_YAW = 20;

    private static final int[][] RIGHT_PAIRS = {{159, 145}, {158, 153}, {160, 144}};
    private static final int[][] LEFT_PAIRS = {{386, 374}, {385, 380}, {387, 373}};

    /** How an eye is opened for the neutral rest. */
    public enum Method {
        /** Open: nothing to do. */
        NONE,
        /** Rebuilt from the other eye's texture, mirrored and fitted to this eye's corners. */
        MIRRORED,
        /** Painted: sclera and an iris disc under the photo's own lid, lifted. */
        SYNTHESISED
    }

    /** Reads a face's eyes. */
    public static ClosedEyes of(FaceMesh mesh, Blendshapes b) {
        double iod = Math.max(1e-6, mesh.interOcularDistance());
        double ro = opening(mesh, RIGHT_PAIRS) / iod;
        double lo = opening(mesh, LEFT_PAIRS) / iod;
        double rw = distance(mesh, 33, 133) / iod;
        double lw = distance(mesh, 263, 362) / iod;
        double rb = b.get(Blendshapes.Name.eyeBlinkRight);
        double lb = b.get(Blendshapes.Name.eyeBlinkLeft);
        boolean right = closed(rb, ro, lo);
        boolean left = closed(lb, lo, ro);
        double ratio = Math.min(rw, lw) / Math.max(1e-6, Math.max(rw, lw));
        double width = right == left ? Math.min(rw, lw) : right ? rw : lw;
        return new ClosedEyes(right, left, ro, lo, ratio, width);
    }

    /** Of an analysed face. */
    public static ClosedEyes of(FaceAnalysis face) {
        return of(face.mesh(), face.expression());
    }

    private static boolean closed(double blink, double opening, double other) {
        return blink > BLINK_CLOSED || (blink > BLINK_SOME && (opening < SHUT_OPENING || opening < 0.45 * other));
    }

    private static double opening(FaceMesh m, int[][] pairs) {
        double s = 0;
        for (int[] p : pairs) {
            s += distance(m, p[0], p[1]);
        }
        return s / pairs.length;
    }

    private static double distance(FaceMesh m, int a, int b) {
        return Math.hypot(m.get(a).x() - m.get(b).x(), m.get(a).y() - m.get(b).y());
    }

    /** How the subject's right eye is opened. */
    public Method right() {
        return method(rightClosed, leftClosed);
    }

    /** How the subject's left eye is opened. */
    public Method left() {
        return method(leftClosed, rightClosed);
    }

    private static Method method(boolean self, boolean other) {
        return !self ? Method.NONE : other ? Method.SYNTHESISED : Method.MIRRORED;
    }

    /** Whether any eye is opened. */
    public boolean any() {
        return rightClosed || leftClosed;
    }

    /**
     * Whether the reopened eye will not look right: a mirrored eye from a face turned so far that the eyes' widths
     * differ by more than 15 %, or an eye under 0.3 inter-ocular distances wide (turned away or squeezed).
     */
    public boolean poor() {
        if (!any()) {
            return false;
        }
        boolean mirrored = rightClosed != leftClosed;
        return (mirrored && widthRatio < MIRROR_WIDTH_RATIO) || eyeWidth < 0.3;
    }

    /** The warnings: which eye is opened and how, and whether it will look right. */
    public Set<FaceWarning> warnings() {
        Set<FaceWarning> w = EnumSet.noneOf(FaceWarning.class);
        if (rightClosed && leftClosed) {
            w.add(FaceWarning.EYES_OPENED_AT_REST);
        } else if (rightClosed) {
            w.add(FaceWarning.RIGHT_EYE_OPENED_AT_REST);
        } else if (leftClosed) {
            w.add(FaceWarning.LEFT_EYE_OPENED_AT_REST);
        }
        if (poor()) {
            w.add(FaceWarning.EYE_OPENED_POORLY);
        }
        return w;
    }
}
