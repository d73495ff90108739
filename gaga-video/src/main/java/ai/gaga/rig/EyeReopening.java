package ai.gaga.rig;

import ai.gaga.face.Blendshapes;
import ai.gaga.face.ClosedEyes;
import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.FaceWarning;
import ai.gaga.face.Images;
import ai.gaga.face.Landmarks478;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Opens a photo's closed eyes for the neutral rest ({@link ClosedEyes}), so the actor acts from open eyes that the
 * rig then blinks like any other: a single closed eye (a wink) is rebuilt from the open one, mirrored and fitted to
 * its corners ({@link MirroredEye}); two closed eyes are painted open under the photo's own lids ({@link
 * PaintedEye}). The analysis follows: the opened eyes' landmarks move to the new lids and iris, and their blink
 * weights become an open eye's. Eyes hidden behind sunglasses are left alone.
 *
 * <p>Stateless and thread-safe.
 */
public final class EyeReopening {
    private static final Logger LOG = LoggerFactory.getLogger(EyeReopening.class);

    /**
     * The mesh points of each eye that the iris model also finds (lids, two rings round them, the lower brow), in
     * mirrored pairs: {@code RIGHT_EYE_AREA[k]} is the mirror image of {@code LEFT_EYE_AREA[k]}. The first 16 are the
     * lids.
     */
    static final int[] RIGHT_EYE_AREA = {33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157, 173,
            130, 25, 110, 24, 23, 22, 26, 112, 243, 247, 30, 29, 27, 28, 56, 190, 226, 31, 228, 229, 230, 231, 232,
            233, 244, 113, 225, 224, 223, 222, 221, 189};
    static final int[] LEFT_EYE_AREA = {263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384,
            398, 359, 255, 339, 254, 253, 252, 256, 341, 463, 467, 260, 259, 257, 258, 286, 414, 446, 261, 448, 449,
            450, 451, 452, 453, 464, 342, 445, 444, 443, 442, 441, 413};

    /**
     * The photo with its eyes opened.
     *
     * @param photo    the photo (the input itself when no eye was opened)
     * @param analysis its analysis: the opened eyes' landmarks moved, their blink weights those of an open eye
     * @param warnings what was done (which eye, mirrored or synthesised) and whether it may look wrong
     */
    public record Result(BufferedImage photo, FaceAnalysis analysis, Set<FaceWarning> warnings) {
        public Result {
            Objects.requireNonNull(photo, "photo");
            Objects.requireNonNull(analysis, "analysis");
            warnings = Set.copyOf(warnings);
        }
    }

    private EyeReopening() {
    }

    /** Opens the closed eyes of {@code photo} (analysed as {@code face}); returns it as is when none is closed. */
    public static Result of(BufferedImage photo, FaceAnalysis face) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(face, "face");
        ClosedEyes eyes = ClosedEyes.of(face);
        if (!eyes.any() || face.warnings().contains(FaceWarning.EYES_HIDDEN)) {
            return new Result(photo, face, Set.of());
        }
        long t0 = System.nanoTime();
        int w = photo.getWidth();
        int h = photo.getHeight();
        byte[] src = Images.bgr(Images.toBgr(photo)).clone();
        byte[] dst = src.clone();
        Landmarks478 lm = face.landmarks();
        double[] x = new double[Landmarks478.SIZE];
        double[] y = new double[Landmarks478.SIZE];
        for (int i = 0; i < Landmarks478.SIZE; i++) {
            x[i] = lm.get(i).x();
            y[i] = lm.get(i).y();
        }
        FaceMesh mesh = face.mesh();
        double ax = mesh.leftEyeCenter().x() - mesh.rightEyeCenter().x();
        double ay = mesh.leftEyeCenter().y() - mesh.rightEyeCenter().y();
        double al = Math.max(1e-9, Math.hypot(ax, ay));
        double downX = -ay / al;
        double downY = ax / al;
        EyeFrame right = new EyeFrame(x, y, 33, 133, downX, downY);
        EyeFrame left = new EyeFrame(x, y, 263, 362, downX, downY);
        Set<FaceWarning> notes = EnumSet.noneOf(FaceWarning.class);
        notes.addAll(eyes.warnings());
        float[] bs = face.expression().weights();
        if (eyes.rightClosed() && eyes.leftClosed()) {
            PaintedEye.Open ro = PaintedEye.open(right, 0, x, y);
            PaintedEye.Open lo = PaintedEye.open(left, 1, x, y);
            // One iris colour for both eyes: from whichever shows a sliver of it (both: their mean), else brown.
            double[] ri = PaintedEye.sliverIris(src, w, h, ro, PaintedEye.lidSkinLuma(src, w, h, ro));
            double[] li = PaintedEye.sliverIris(src, w, h, lo, PaintedEye.lidSkinLuma(src, w, h, lo));
            double[] irisColour = ri == null ? li : li == null ? ri
                    : new double[] {(ri[0] + li[0]) / 2, (ri[1] + li[1]) / 2, (ri[2] + li[2]) / 2};
            PaintedEye.synthesise(src, dst, w, h, ro, 0, RIGHT_EYE_AREA, Landmarks478.RIGHT_IRIS_CENTER, irisColour,
                    x, y);
            PaintedEye.synthesise(src, dst, w, h, lo, 1, LEFT_EYE_AREA, Landmarks478.LEFT_IRIS_CENTER, irisColour,
                    x, y);
            for (String side : new String[] {"Left", "Right"}) {
                set(bs, "eyeBlink" + side, 0.1);
                set(bs, "eyeSquint" + side, Math.min(0.2, get(bs, "eyeSquint" + side)));
                for (String look : new String[] {"In", "Out", "Up", "Down"}) {
                    set(bs, "eyeLook" + look + side, 0);
                }
            }
        } else if (eyes.rightClosed()) {
            MirroredEye.mirror(src, dst, w, h, left, right, LEFT_EYE_AREA, RIGHT_EYE_AREA,
                    Landmarks478.LEFT_IRIS_CENTER, Landmarks478.RIGHT_IRIS_CENTER, x, y);
            copyEye(bs, "Left", "Right");
        } else {
            MirroredEye.mirror(src, dst, w, h, right, left, RIGHT_EYE_AREA, LEFT_EYE_AREA,
                    Landmarks478.RIGHT_IRIS_CENTER, Landmarks478.LEFT_IRIS_CENTER, x, y);
            copyEye(bs, "Right", "Left");
        }
        List<FaceMesh.Landmark> pts = new ArrayList<>(Landmarks478.SIZE);
        for (int i = 0; i < Landmarks478.SIZE; i++) {
            pts.add(new FaceMesh.Landmark(x[i], y[i], lm.get(i).z()));
        }
        Landmarks478 moved = new Landmarks478(pts, lm.rightEye(), lm.leftEye());
        FaceAnalysis analysis = new FaceAnalysis(face.width(), face.height(), face.box(),
                moved.mesh(face.mesh().presence()), moved, new Blendshapes(bs), face.fit(), face.mask(),
                face.warnings());
        LOG.info("Eyes opened for the neutral rest: right {}, left {} (openings {} / {} IOD, width ratio {}) in {} ms",
                eyes.right(), eyes.left(), String.format(Locale.ROOT, "%.3f", eyes.rightOpening()),
                String.format(Locale.ROOT, "%.3f", eyes.leftOpening()),
                String.format(Locale.ROOT, "%.2f", eyes.widthRatio()), (System.nanoTime() - t0) / 1_000_000);
        if (eyes.poor()) {
            LOG.info("{}", FaceWarning.EYE_OPENED_POORLY.message());
        }
        return new Result(Images.fromBgr(dst, w, h), analysis, notes);
    }

    private static double get(float[] bs, String name) {
        return bs[Blendshapes.Name.valueOf(name).ordinal()];
    }

    private static void set(float[] bs, String name, double v) {
        bs[Blendshapes.Name.valueOf(name).ordinal()] = (float) v;
    }

    /** The closed eye reads what the open one does (eyeLookIn is towards the nose on both sides: no swap). */
    private static void copyEye(float[] bs, String from, String to) {
        for (String stem : new String[] {"eyeBlink", "eyeSquint", "eyeWide", "eyeLookIn", "eyeLookOut", "eyeLookUp",
                "eyeLookDown"}) {
            set(bs, stem + to, get(bs, stem + from));
        }
    }
}
