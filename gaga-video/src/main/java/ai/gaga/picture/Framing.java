package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.timeline.Shot;

/**
 * Where the photo sits in the frame at the start of the clip, and where the camera pushes in to.
 *
 * <p>A photo pixel {@code p} lands at {@code scale * p + (offsetX, offsetY)} in the frame at zoom 1; at zoom
 * {@code z} the whole picture is additionally scaled by {@code z} about {@code (centerX, centerY)}. Because that centre
 * lies inside the frame and {@code z >= 1}, a photo that covers the frame at zoom 1 covers it at every later zoom, so
 * the push-in never reveals an edge.
 *
 * @param scale   photo pixels to frame pixels at zoom 1
 * @param offsetX frame x of the photo's left edge at zoom 1
 * @param offsetY frame y of the photo's top edge at zoom 1
 * @param centerX frame x the camera zooms towards (the face centre)
 * @param centerY frame y the camera zooms towards
 */
public record Framing(double scale, double offsetX, double offsetY, double centerX, double centerY) {
    /** Face box height as a share of the frame height in a medium close-up. */
    public static final double FACE_HEIGHT_SHARE = 0.36;
    /** Where the eyes sit, as a share of the frame height from the top (a little above the middle, as in film). */
    public static final double EYE_LINE = 0.40;
    /**
     * Largest upscale of the photo: beyond 4x even a good photo turns to mush, so a tiny photo is rather shown
     * smaller, on its blurred backdrop.
     */
    public static final double MAX_UPSCALE = 4.0;

    public Framing {
        if (!(scale > 0) || !Double.isFinite(offsetX) || !Double.isFinite(offsetY)) {
            throw new IllegalArgumentException("Bad framing scale=" + scale + " offset=" + offsetX + "," + offsetY);
        }
    }

    /**
     * Medium close-up around a face: the face box is about {@link #FACE_HEIGHT_SHARE} of the frame height (more when
     * the photo would otherwise not fill the frame height), centred horizontally, with the eyes on the
     * {@link #EYE_LINE}; then moved as little as needed so that no photo edge shows where the photo can cover the
     * frame.
     */
    public static Framing closeUp(int photoWidth, int photoHeight, FaceBox face, int frameWidth, int frameHeight) {
        return of(Shot.Size.MEDIUM, photoWidth, photoHeight, face, frameWidth, frameHeight);
    }

    /** Face height as a share of the frame height at a shot size. */
    public static double faceShare(Shot.Size size) {
        return switch (size) {
            case CLOSE_UP -> 0.52;
            case MEDIUM -> FACE_HEIGHT_SHARE;
            case WIDE -> 0.20;
        };
    }

    /**
     * A single shot around a face at a shot size: as {@link #closeUp} with the face at {@link #faceShare} of the
     * frame height. A wide shot of a photo that cannot be shown smaller than the frame height stays at that height.
     */
    public static Framing of(Shot.Size size, int photoWidth, int photoHeight, FaceBox face, int frameWidth,
                             int frameHeight) {
        double s = faceShare(size) * frameHeight / face.height();
        // A photo that cannot fill the frame height leaves backdrop above or below the person, which looks like a
        // pasted cut-out; a slightly larger face is the better trade.
        s = Math.max(s, frameHeight / (double) photoHeight);
        s = Math.min(s, MAX_UPSCALE);
        double ox = clampOffset(frameWidth / 2.0 - s * face.centerX(), s * photoWidth, frameWidth);
        double oy = clampOffset(EYE_LINE * frameHeight - s * face.eyeCenter().y(), s * photoHeight, frameHeight);
        double cx = clamp(s * face.centerX() + ox, 0, frameWidth);
        double cy = clamp(s * face.centerY() + oy, 0, frameHeight);
        return new Framing(s, ox, oy, cx, cy);
    }

    /** The whole photo, as large as fits, centred (for photos without a face); the camera pushes in to the middle. */
    public static Framing whole(int photoWidth, int photoHeight, int frameWidth, int frameHeight) {
        double s = Math.min(frameWidth / (double) photoWidth, frameHeight / (double) photoHeight);
        s = Math.min(s, MAX_UPSCALE);
        double ox = (frameWidth - s * photoWidth) / 2;
        double oy = (frameHeight - s * photoHeight) / 2;
        return new Framing(s, ox, oy, frameWidth / 2.0, frameHeight / 2.0);
    }

    /**
     * Keeps a photo span that is at least as long as the frame from exposing its edge: offset within
     * {@code [frame - span, 0]}. A shorter span is left where the face put it (the backdrop fills the rest).
     */
    private static double clampOffset(double offset, double span, double frame) {
        if (span >= frame) {
            return clamp(offset, frame - span, 0);
        }
        return offset;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Frame x of a photo x at zoom {@code z}. */
    public double frameX(double photoX, double z) {
        return centerX + z * (scale * photoX + offsetX - centerX);
    }

    /** Frame y of a photo y at zoom {@code z}. */
    public double frameY(double photoY, double z) {
        return centerY + z * (scale * photoY + offsetY - centerY);
    }
}
