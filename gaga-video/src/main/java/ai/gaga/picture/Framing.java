package ai.gaga.picture;

import ai.gaga.face.FaceBox;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.ShotScale;

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
     * Largest upscale of the photo on screen (camera moves included): beyond 2x a face turns soft, so a small face
     * gets a wider shot, and a photo too small for the frame is shown at this scale on its blurred backdrop. 1.9
     * rather than 2 so that a face re-detected in the frame (about +-5 % from the detector) still measures at most
     * 2x its width in the photo.
     */
    public static final double MAX_UPSCALE = ShotScale.MAX_UPSCALE;
    /** Widest span of a group's faces in a group shot, share of the frame width. */
    static final double GROUP_SPAN = ShotScale.GROUP_SPAN;
    /** Largest face of a group shot, share of the frame height. */
    static final double GROUP_FACE = ShotScale.GROUP_FACE;

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
        return ShotScale.faceShare(size);
    }

    /**
     * A single shot around a face at a shot size: as {@link #closeUp} with the face at {@link #faceShare} of the
     * frame height. A wide shot of a photo that cannot be shown smaller than the frame height stays at that height;
     * a wide shot whose face would need more than {@code maxScale} shows the whole photo covering the frame.
     */
    public static Framing of(Shot.Size size, int photoWidth, int photoHeight, FaceBox face, int frameWidth,
                             int frameHeight) {
        return of(size, photoWidth, photoHeight, face, frameWidth, frameHeight, MAX_UPSCALE);
    }

    /**
     * As {@link #of(Shot.Size, int, int, FaceBox, int, int)}, never scaling the photo by more than
     * {@code maxScale} (the compositor passes {@link #MAX_UPSCALE} divided by the shot's largest camera zoom, so
     * the face is never upscaled more than {@link #MAX_UPSCALE} on screen: a small face gets a wider shot).
     */
    public static Framing of(Shot.Size size, int photoWidth, int photoHeight, FaceBox face, int frameWidth,
                             int frameHeight, double maxScale) {
        // The planner predicted this scale with the same rule (Shot.sourceScale).
        double s = ShotScale.single(size, photoWidth, photoHeight, face.height(), frameWidth, frameHeight, maxScale);
        double ox = clampOffset(frameWidth / 2.0 - s * face.centerX(), s * photoWidth, frameWidth);
        double oy = groundOffset(EYE_LINE * frameHeight - s * face.eyeCenter().y(), s * photoHeight, frameHeight);
        double cx = clamp(s * face.centerX() + ox, 0, frameWidth);
        double cy = clamp(s * face.centerY() + oy, 0, frameHeight);
        return new Framing(s, ox, oy, cx, cy);
    }

    /**
     * Several faces of one photo in one frame (a group photo acting in place): the faces' span at most
     * {@link #GROUP_SPAN} of the frame width and the largest face at most {@link #GROUP_FACE} of its height; larger
     * where the photo would otherwise not fill the frame and the faces still fit; never above {@code maxScale}.
     * Faces too small for that (they would need more than {@code maxScale}) get the whole photo covering the frame,
     * a sharp wide shot, rather than a soft crop.
     * Centred on the faces, eyes on the {@link #EYE_LINE}, moved as little as needed so no photo edge shows.
     */
    public static Framing group(java.util.List<FaceBox> faces, int photoWidth, int photoHeight, int frameWidth,
                                int frameHeight, double maxScale) {
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("A group framing needs faces");
        }
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double tallest = 0;
        double eyes = 0;
        for (FaceBox f : faces) {
            x0 = Math.min(x0, f.x());
            x1 = Math.max(x1, f.maxX());
            tallest = Math.max(tallest, f.height());
            eyes += f.eyeCenter().y();
        }
        eyes /= faces.size();
        double span = x1 - x0;
        double s = ShotScale.group(span, tallest, photoWidth, photoHeight, frameWidth, frameHeight, maxScale);
        double mid = (x0 + x1) / 2;
        double ox = clampOffset(frameWidth / 2.0 - s * mid, s * photoWidth, frameWidth);
        double oy = groundOffset(EYE_LINE * frameHeight - s * eyes, s * photoHeight, frameHeight);
        double cx = clamp(s * mid + ox, 0, frameWidth);
        double cy = clamp(s * eyes + oy, 0, frameHeight);
        return new Framing(s, ox, oy, cx, cy);
    }

    /** Whether the photo covers the frame region {@code [0, w) x [0, h)} at zoom 1. */
    public boolean covers(int photoWidth, int photoHeight, int w, int h) {
        return offsetX <= 1e-6 && offsetY <= 1e-6 && offsetX + scale * photoWidth >= w - 1e-6
                && offsetY + scale * photoHeight >= h - 1e-6;
    }

    /** The whole photo, as large as fits, centred (for photos without a face); the camera pushes in to the middle. */
    public static Framing whole(int photoWidth, int photoHeight, int frameWidth, int frameHeight) {
        double s = ShotScale.whole(photoWidth, photoHeight, frameWidth, frameHeight);
        double ox = (frameWidth - s * photoWidth) / 2;
        double oy = (frameHeight - s * photoHeight) / 2;
        return new Framing(s, ox, oy, frameWidth / 2.0, frameHeight / 2.0);
    }

    /**
     * Keeps a photo span that is at least as long as the frame from exposing its edge: offset within
     * {@code [frame - span, 0]}. A shorter span is centred (the backdrop fills the rest evenly).
     */
    private static double clampOffset(double offset, double span, double frame) {
        if (span >= frame) {
            return clamp(offset, frame - span, 0);
        }
        return (frame - span) / 2; // centred on its backdrop: even margins read as deliberate, one-sided as a slip
    }

    /**
     * As {@link #clampOffset} for the vertical: a photo shorter than the frame stands on the frame's bottom edge
     * (the body continues out of frame as in the photo; the backdrop shows above the head, never under a body).
     */
    private static double groundOffset(double offset, double span, double frame) {
        return span >= frame ? clamp(offset, frame - span, 0) : frame - span;
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
