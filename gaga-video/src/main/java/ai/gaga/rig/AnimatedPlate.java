package ai.gaga.rig;

import ai.gaga.face.Cancellation;
import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceBox;
import ai.gaga.face.Images;
import ai.gaga.picture.ActorPlate;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/**
 * An actor plate whose face moves: the photo at a working scale (the rest plate), redrawn per frame by deforming the
 * {@link FaceRig} with the controls a {@link FacePerformance} gives, moving the shoulders and upper body with the
 * breath and a little of the head's turn ({@link BodyLayer}), warping the face and neck triangles that moved from
 * the rest plate, then painting the mouth interior and closing eyelids. Each draw first restores the previous
 * frame's dirty rectangle from the rest plate, so every pixel outside the moved region stays byte-identical to it,
 * and rest controls give exactly the rest plate. Allocates nothing per frame. Not thread-safe (see
 * {@link ActorPlate}).
 */
public final class AnimatedPlate implements ActorPlate {
    /** Vertices that moved less than this (plate pixels) count as still. */
    private static final float STILL = 1e-3f;

    private final int width;
    private final int height;
    private final double scale;
    private final byte[] rest;
    private final byte[] bgr;
    private final FaceRig rig;
    private final FacePerformance performance;
    private final FaceBox face;
    private final byte[] alpha;
    private final MouthPainter mouth;
    private final EyelidPainter lids;
    private final FaceControls controls = new FaceControls();
    private final FaceControls drawn = new FaceControls();
    private final float[] px;
    private final float[] py;
    private final float[] dTri = new float[6];
    private final float[] sTri = new float[6];
    private final int[] dirty = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
    /** The body below the face, or null when the plate shows none. */
    private final BodyLayer body;
    /** Each rig point's share of the body's motion (its weight in the body layer at its rest position). */
    private final float[] bodyWeight;
    private final double[] bodyMotion = new double[2];
    private final double[] scratch = new double[6];
    /** The part of the plate the next frame is looked at in (x0, y0, x1, y1 exclusive), and the last drawn one. */
    private final int[] view;
    private final int[] viewDrawn = new int[4];
    private boolean everDrawn;

    private AnimatedPlate(BufferedImage photo, FaceAnalysis analysis, double scale, FacePerformance performance,
                          MouthInterior interior, java.util.List<FaceBox> others) {
        Cancellation.check();
        this.scale = scale;
        this.performance = performance;
        width = Math.max(1, (int) Math.round(photo.getWidth() * scale));
        height = Math.max(1, (int) Math.round(photo.getHeight() * scale));
        BufferedImage plate = Images.resize(photo, width, height);
        Cancellation.check();
        rest = Images.bgr(plate).clone();
        bgr = rest.clone();
        double sx = width / (double) photo.getWidth();
        double sy = height / (double) photo.getHeight();
        face = analysis.box().map(sx, sy, 0, 0);
        alpha = analysis.mask().alpha(width, height);
        rig = FaceRig.create(analysis, width, height);
        Cancellation.check();
        mouth = new MouthPainter(rig, rest, interior, scale);
        lids = new EyelidPainter(rig, rest);
        px = new float[rig.pointCount()];
        py = new float[rig.pointCount()];
        body = BodyLayer.of(face, rig.restY(CHIN), rig.interOcular(), alpha, width, height,
                others.stream().map(o -> o.map(sx, sy, 0, 0)).toList());
        view = new int[] {0, 0, width, height};
        bodyWeight = new float[rig.pointCount()];
        if (body != null) {
            for (int i = 0; i < bodyWeight.length; i++) {
                bodyWeight[i] = body.weightAt(rig.restX(i), rig.restY(i));
            }
        }
    }

    /** The chin's landmark. */
    private static final int CHIN = 152;

    /**
     * A plate of {@code photo} at {@code scale} plate pixels per photo pixel, animated by {@code performance}.
     *
     * @param face the analysis of this photo (its coordinates are photo pixels)
     * @throws IllegalArgumentException when the scale is not positive or the analysis is of another image size
     */
    public static AnimatedPlate create(BufferedImage photo, FaceAnalysis face, double scale,
                                       FacePerformance performance) {
        return create(photo, face, scale, performance, null, java.util.List.of());
    }

    /**
     * As {@link #create(BufferedImage, FaceAnalysis, double, FacePerformance)} in a photo of several people: the
     * body of this face moves, the {@code others} (other faces of the photo, photo pixels) never do.
     */
    public static AnimatedPlate create(BufferedImage photo, FaceAnalysis face, double scale,
                                       FacePerformance performance, java.util.List<FaceBox> others) {
        return create(photo, face, scale, performance, null, others);
    }

    /**
     * A plate of {@code photo} at {@code scale}, animated by {@code performance}, whose opening mouth shows
     * {@code interior} (what the photo showed between its lips before the {@link NeutralRest} closed them; null: the
     * rest plate's own when its lips are apart, else a shaded interior), in a photo whose {@code others} (other
     * faces, photo pixels) never move with this face's body.
     *
     * @throws IllegalArgumentException when the scale is not positive or the analysis is of another image size
     */
    public static AnimatedPlate create(BufferedImage photo, FaceAnalysis face, double scale,
                                       FacePerformance performance, MouthInterior interior,
                                       java.util.List<FaceBox> others) {
        Objects.requireNonNull(others, "others");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(performance, "performance");
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("Plate scale must be positive, got " + scale);
        }
        if (face.width() != photo.getWidth() || face.height() != photo.getHeight()) {
            throw new IllegalArgumentException("Face analysis is of a " + face.width() + "x" + face.height()
                    + " image, the photo is " + photo.getWidth() + "x" + photo.getHeight());
        }
        return new AnimatedPlate(photo, face, scale, performance, interior, others);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public double scale() {
        return scale;
    }

    @Override
    public byte[] bgr() {
        return bgr;
    }

    /** The rest plate (the scaled photo); treat as read-only. */
    public byte[] restBgr() {
        return rest;
    }

    /** The body layer's weight (0..1) at a plate point: how much of the shoulders' motion it takes. */
    public float bodyWeight(double x, double y) {
        return body == null ? 0f : body.weightAt(x, y);
    }

    /**
     * The farthest (plate pixels) the body layer moves any pixel: a full breath and a head shifted by half an
     * inter-ocular distance; 0 when the plate shows no body.
     */
    public double bodyReach() {
        return body == null ? 0 : body.reach(0.5 * rig.interOcular());
    }

    /**
     * Moves a cut-out's matte and cleaned colours with the body as the last {@link #draw} moved the plate: each plate
     * index of {@code indices[0..count)} takes the sample of {@code restBgr} and {@code restAlpha} (the cut-out at
     * rest, plate size) from where the body layer brought that pixel from, written into {@code outBgr} and
     * {@code outAlpha}. Pixels without body weight take their rest values.
     */
    public void moveWithBody(byte[] restBgr, byte[] outBgr, byte[] restAlpha, byte[] outAlpha, int[] indices,
                             int count) {
        if (body == null) {
            return;
        }
        boolean moved = everDrawn && !drawn.atRest();
        body.resample(restBgr, outBgr, restAlpha, outAlpha, moved ? bodyMotion[0] : 0, moved ? bodyMotion[1] : 0,
                indices, count);
    }

    /** The rig this plate deforms. */
    public FaceRig rig() {
        return rig;
    }

    /** Whether the photo shows teeth (which then come back as the mouth opens). */
    public boolean photoShowsTeeth() {
        return mouth.photoShowsTeeth();
    }

    /** The mouth painter (package tests measure what it paints). */
    MouthPainter mouthPainter() {
        return mouth;
    }

    @Override
    public Optional<FaceBox> face() {
        return Optional.of(face);
    }

    @Override
    public Optional<byte[]> personAlpha() {
        return Optional.of(alpha);
    }

    @Override
    public void draw(int index) {
        performance.controlsAt(index, controls);
        draw(controls);
    }

    @Override
    public void view(int x0, int y0, int x1, int y1) {
        view[0] = Math.max(0, x0);
        view[1] = Math.max(0, y0);
        view[2] = Math.min(width, x1);
        view[3] = Math.min(height, y1);
    }

    /** Redraws the plate for an explicit set of controls (what {@link #draw(int)} does with the performance's). */
    public void draw(FaceControls c) {
        FaceControls.requireNonNull(c);
        if (everDrawn && c.equals(drawn) && java.util.Arrays.equals(view, viewDrawn)) {
            return;
        }
        everDrawn = true;
        drawn.setAll(c);
        System.arraycopy(view, 0, viewDrawn, 0, 4);
        restoreDirty();
        if (c.atRest()) {
            return;
        }
        rig.deform(c, px, py);
        if (body != null) {
            body.motion(c, rig, scratch, bodyMotion);
            double dx = bodyMotion[0];
            double dy = bodyMotion[1];
            if (Math.abs(dx) >= BodyLayer.STILL || Math.abs(dy) >= BodyLayer.STILL) {
                // The rig's points ride on the body field too, so the neck blends head and body without a seam.
                for (int i = 0; i < bodyWeight.length; i++) {
                    float k = bodyWeight[i];
                    if (k > 0f) {
                        px[i] += (float) (k * dx);
                        py[i] += (float) (k * dy);
                    }
                }
                body.draw(rest, bgr, dx, dy, view);
                body.bounds(dirty, view);
            }
        }
        int[] tri = rig.trianglesShared();
        for (int t = 0; t < tri.length; t += 3) {
            int a = tri[t];
            int b = tri[t + 1];
            int d = tri[t + 2];
            if (still(a) && still(b) && still(d)) {
                continue;
            }
            put(dTri, sTri, 0, a);
            put(dTri, sTri, 1, b);
            put(dTri, sTri, 2, d);
            if (TriangleWarp.warp(rest, bgr, width, height, dTri, sTri)) {
                float minX = Math.min(dTri[0], Math.min(dTri[2], dTri[4]));
                float maxX = Math.max(dTri[0], Math.max(dTri[2], dTri[4]));
                float minY = Math.min(dTri[1], Math.min(dTri[3], dTri[5]));
                float maxY = Math.max(dTri[1], Math.max(dTri[3], dTri[5]));
                grow(dirty, (int) Math.floor(minX) - 1, (int) Math.floor(minY) - 1, (int) Math.ceil(maxX) + 1,
                        (int) Math.ceil(maxY) + 1);
            }
        }
        mouth.paint(bgr, px, py, c.get(FaceControl.TONGUE_UP), dirty);
        lids.paint(bgr, px, py, c, dirty);
    }

    private boolean still(int i) {
        return Math.abs(px[i] - rig.restX(i)) < STILL && Math.abs(py[i] - rig.restY(i)) < STILL;
    }

    private void put(float[] d, float[] s, int k, int i) {
        d[2 * k] = px[i];
        d[2 * k + 1] = py[i];
        s[2 * k] = rig.restX(i);
        s[2 * k + 1] = rig.restY(i);
    }

    private void restoreDirty() {
        int x0 = Math.max(0, dirty[0]);
        int y0 = Math.max(0, dirty[1]);
        int x1 = Math.min(width - 1, dirty[2]);
        int y1 = Math.min(height - 1, dirty[3]);
        for (int y = y0; y <= y1 && x0 <= x1; y++) {
            int o = (y * width + x0) * 3;
            System.arraycopy(rest, o, bgr, o, (x1 - x0 + 1) * 3);
        }
        dirty[0] = Integer.MAX_VALUE;
        dirty[1] = Integer.MAX_VALUE;
        dirty[2] = -1;
        dirty[3] = -1;
    }

    /** Grows a box (x0, y0, x1, y1 inclusive) to hold another. */
    static void grow(int[] box, int x0, int y0, int x1, int y1) {
        box[0] = Math.min(box[0], x0);
        box[1] = Math.min(box[1], y0);
        box[2] = Math.max(box[2], x1);
        box[3] = Math.max(box[3], y1);
    }

    /** The region the last draw changed (x0, y0, x1, y1 inclusive, clipped), or empty when it changed nothing. */
    public Optional<int[]> dirtyRegion() {
        if (dirty[2] < dirty[0]) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Math.max(0, dirty[0]), Math.max(0, dirty[1]), Math.min(width - 1, dirty[2]),
                Math.min(height - 1, dirty[3])});
    }
}
