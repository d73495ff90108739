package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.face.Images;
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
        this.alpha = analysis.person().map(m -> m.alpha(width, height));
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
