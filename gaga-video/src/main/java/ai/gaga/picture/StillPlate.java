package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.Images;
import ai.gaga.face.PersonMask;
import ai.gaga.scene.Actor;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/**
 * The actor's photo, scaled once with high quality to the working scale, never redrawn; with the person mask scaled
 * to match when the photo was segmented. Immutable after construction.
 */
public final class StillPlate implements ActorPlate {
    /** Largest plate side: the compositor never needs more, and 4096x4096x3 bytes is already 48 MiB. */
    public static final int MAX_SIDE = 4096;

    private final int width;
    private final int height;
    private final double scale;
    private final byte[] bgr;
    private final Optional<FaceBox> face;
    private final Optional<byte[]> alpha;

    /** The plate of an actor's analysed photo (the {@link PlateSource} signature). */
    public StillPlate(Actor actor, PhotoAnalysis analysis, double scale) {
        this(analysis, scale);
        Objects.requireNonNull(actor, "actor");
    }

    /** The plate of an analysed photo at {@code scale} plate pixels per photo pixel. */
    public StillPlate(PhotoAnalysis analysis, double scale) {
        Objects.requireNonNull(analysis, "analysis");
        BufferedImage photo = analysis.image();
        if (!(scale > 0) || photo.getWidth() * scale > MAX_SIDE + 0.5 || photo.getHeight() * scale > MAX_SIDE + 0.5) {
            throw new IllegalArgumentException("Plate scale " + scale + " of a " + photo.getWidth() + "x"
                    + photo.getHeight() + " photo is not within (0, " + MAX_SIDE + " px per side]");
        }
        this.width = Math.max(1, (int) Math.round(photo.getWidth() * scale));
        this.height = Math.max(1, (int) Math.round(photo.getHeight() * scale));
        this.scale = scale;
        this.bgr = Images.bgr(Images.resize(photo, width, height)); // a copy even at scale 1: never the photo's raster
        double sx = width / (double) photo.getWidth();
        double sy = height / (double) photo.getHeight();
        this.face = analysis.face().map(f -> f.map(sx, sy, 0, 0));
        this.alpha = analysis.person().map(m -> alpha(m, width, height));
    }

    /** The mask resampled (bilinear) to the plate size, as bytes. */
    static byte[] alpha(PersonMask mask, int w, int h) {
        byte[] out = new byte[w * h];
        float[] m = mask.values();
        int mw = mask.width();
        int mh = mask.height();
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(mh - 1, (y + 0.5) * mh / h - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(mh - 1, y0 + 1);
            double ay = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, Math.min(mw - 1, (x + 0.5) * mw / w - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(mw - 1, x0 + 1);
                double ax = fx - x0;
                double v = (m[y0 * mw + x0] * (1 - ax) + m[y0 * mw + x1] * ax) * (1 - ay)
                        + (m[y1 * mw + x0] * (1 - ax) + m[y1 * mw + x1] * ax) * ay;
                out[y * w + x] = (byte) Math.round(Math.max(0, Math.min(1, v)) * 255);
            }
        }
        return out;
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

    @Override
    public Optional<FaceBox> face() {
        return face;
    }

    @Override
    public Optional<byte[]> personAlpha() {
        return alpha;
    }

    @Override
    public void draw(int index) {
        // A still photo: nothing to redraw.
    }
}
