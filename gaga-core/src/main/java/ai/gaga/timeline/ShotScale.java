package ai.gaga.timeline;

/**
 * How much a shot enlarges its photo: the framing rules the {@link ShotPlanner} chooses shot sizes with and the
 * compositor frames with, in one place so that the plan's {@link Shot#sourceScale()} is what the frames show.
 *
 * <p>A shot's <em>source scale</em> is frame pixels per photo pixel, so a face {@code w} photo pixels wide is
 * {@code scale * w} pixels wide on screen. The rules: never more than {@link #MAX_UPSCALE} on screen, camera moves
 * included (a push-in's last frame is its closest); a size whose face the limit leaves smaller than
 * {@link #minShare} becomes the next wider one (close-up, then medium, then wide); within it, the face is shown at
 * its size's share or as large as the limit allows. A face too small even for a wide shot of its own gets the whole photo,
 * as large as covers the frame (a full-body or group photo: the whole person rather than a blurred close-up).
 */
@ai.gaga.Internal
public final class ShotScale {
    /**
     * Largest upscale of the photo on screen (camera moves included): beyond 2x a face turns soft. 1.9 rather than 2
     * so that a face re-detected in the frame (about +-5 % from the detector) still measures at most 2x its width in
     * the photo.
     */
    public static final double MAX_UPSCALE = 1.9;
    /** Zoom gained by a push-in of strength 1 over its shot. */
    public static final double MAX_PUSH = 0.15;
    /** Share of the frame width a pan of strength 1 travels. */
    public static final double MAX_PAN = 0.08;
    /** Extra zoom of a handheld shot, so the sway never shows an edge. */
    public static final double SHAKE_ZOOM = 0.03;
    /** Widest span of a group's faces in a group shot, share of the frame width. */
    public static final double GROUP_SPAN = 0.62;
    /** Largest face of a group shot, share of the frame height. */
    public static final double GROUP_FACE = 0.30;
    /** Eye line of a two-shot, as a share of the frame height from the top. */
    public static final double TWO_SHOT_EYE_LINE = 0.40;
    /** Lowest eye line a two-shot may take to ground both actors on the frame's bottom edge. */
    public static final double TWO_SHOT_LOWEST_EYE_LINE = 0.50;
    /** Face height in a two-shot, share of the frame height, before the photos ask for more. */
    public static final double TWO_SHOT_FACE = 0.26;
    /** Widest face in a two-shot, share of the frame width: two faces and the space between them must fit. */
    public static final double TWO_SHOT_MAX_FACE_WIDTH = 0.28;

    private ShotScale() {
    }

    /** Face height as a share of the frame height at a shot size. */
    public static double faceShare(Shot.Size size) {
        return switch (size) {
            case CLOSE_UP -> 0.52;
            case MEDIUM -> 0.36;
            case WIDE -> 0.20;
        };
    }

    /** The largest zoom of a shot's camera move (1 for a still camera): the on-screen scale is the framing's times it. */
    public static double maxZoom(Shot.Move move, double strength) {
        return switch (move) {
            case PUSH_IN, PULL_OUT -> 1 + MAX_PUSH * strength;
            case PAN_LEFT, PAN_RIGHT -> 1 + MAX_PAN * strength;
            case HANDHELD -> 1 + SHAKE_ZOOM;
            case STATIC -> 1;
        };
    }

    /**
     * Smallest face share (of the frame height) that still reads as a size: halfway to the next wider size's
     * ({@link #faceShare}). A close-up whose face the pixels allow at 44 % of the frame height rather than 52 % is
     * still a close-up, shown at the upscale limit; below that it is a medium shot.
     */
    public static double minShare(Shot.Size size) {
        return switch (size) {
            case CLOSE_UP -> (faceShare(Shot.Size.CLOSE_UP) + faceShare(Shot.Size.MEDIUM)) / 2;
            case MEDIUM -> (faceShare(Shot.Size.MEDIUM) + faceShare(Shot.Size.WIDE)) / 2;
            case WIDE -> 0;
        };
    }

    /**
     * Whether a face {@code faceHeight} photo pixels tall can be shown at a size within {@code maxScale}: at least
     * its {@link #minShare} of the frame height (a wide shot always can: it shows the whole photo if need be).
     */
    public static boolean fits(Shot.Size size, double faceHeight, int frameHeight, double maxScale) {
        return maxScale * faceHeight / frameHeight >= minShare(size) - 1e-9;
    }

    /**
     * The scale of a single shot of one face (at zoom 1): the face at its size's share of the frame height; a wide
     * shot of a face too small for it (over {@code maxScale}) shows the whole photo covering the frame; at least
     * the frame height (backdrop above or below a person reads as a pasted cut-out), up to a quarter more to cover
     * the frame's sides; never above {@code maxScale}.
     */
    public static double single(Shot.Size size, int photoWidth, int photoHeight, double faceHeight, int frameWidth,
                                int frameHeight, double maxScale) {
        double s = faceShare(size) * frameHeight / faceHeight;
        if (s > maxScale && size == Shot.Size.WIDE) {
            s = cover(photoWidth, photoHeight, frameWidth, frameHeight);
        }
        s = Math.max(s, frameHeight / (double) photoHeight);
        double cover = cover(photoWidth, photoHeight, frameWidth, frameHeight);
        if (cover > s && cover <= 1.25 * s) {
            s = cover;
        }
        return Math.min(s, maxScale);
    }

    /** The whole photo, as large as fits the frame (a photo without a face), never above {@link #MAX_UPSCALE}. */
    public static double whole(int photoWidth, int photoHeight, int frameWidth, int frameHeight) {
        return Math.min(MAX_UPSCALE, Math.min(frameWidth / (double) photoWidth, frameHeight / (double) photoHeight));
    }

    /**
     * The scale of several faces of one photo in one frame: their span at most {@link #GROUP_SPAN} of the frame
     * width and the largest at most {@link #GROUP_FACE} of its height; faces too small for that get the whole photo
     * covering the frame; larger where that fills the frame and the faces still fit; never above {@code maxScale}.
     *
     * @param span    from the leftmost face's left edge to the rightmost one's right edge, photo pixels
     * @param tallest the tallest face's height, photo pixels
     */
    public static double group(double span, double tallest, int photoWidth, int photoHeight, int frameWidth,
                               int frameHeight, double maxScale) {
        double s = Math.min(GROUP_SPAN * frameWidth / span, GROUP_FACE * frameHeight / tallest);
        double cover = cover(photoWidth, photoHeight, frameWidth, frameHeight);
        if (s > maxScale) {
            s = Math.min(s, cover);
        }
        double tall = frameHeight / (double) photoHeight;
        if (cover * span <= 0.9 * frameWidth) {
            s = Math.max(s, cover);
        } else if (tall * span <= 0.9 * frameWidth) {
            s = Math.max(s, tall);
        }
        return Math.min(s, maxScale);
    }

    /**
     * The face height and eye line of a two-shot of two cut-outs: faces as large as grounds both bodies on the
     * frame's bottom edge (at least {@link #TWO_SHOT_FACE} of the frame height), no larger than fits side by side
     * and than {@code maxScale}; the eye line brought down (to {@link #TWO_SHOT_LOWEST_EYE_LINE} at most) where the
     * limits left a body short of the bottom edge. Each face's scale is the face height over its photo face height.
     *
     * @param faceWidth   each face's width, photo pixels
     * @param faceHeight  each face's height, photo pixels
     * @param eyeY        each face's eye line, photo y
     * @param photoHeight each photo's height
     * @return {face height, eye line}, frame pixels
     */
    public static double[] twoShot(double[] faceWidth, double[] faceHeight, double[] eyeY, int[] photoHeight,
                                   int frameWidth, int frameHeight, double maxScale) {
        double eye = TWO_SHOT_EYE_LINE * frameHeight;
        double h = TWO_SHOT_FACE * frameHeight;
        for (int i = 0; i < 2; i++) {
            double below = photoHeight[i] - eyeY[i];
            h = Math.max(h, (frameHeight - eye) * faceHeight[i] / below);
        }
        for (int i = 0; i < 2; i++) {
            h = Math.min(h, TWO_SHOT_MAX_FACE_WIDTH * frameWidth * faceHeight[i] / faceWidth[i]);
            h = Math.min(h, maxScale * faceHeight[i]);
        }
        for (int i = 0; i < 2; i++) {
            double need = frameHeight - h / faceHeight[i] * (photoHeight[i] - eyeY[i]);
            eye = Math.max(eye, Math.min(need, TWO_SHOT_LOWEST_EYE_LINE * frameHeight));
        }
        return new double[] {h, eye};
    }

    /** Index (0 or 1) of the first photo that ends above the frame's bottom edge in a two-shot, or -1 if none. */
    public static int ungrounded(double[] faceWidth, double[] faceHeight, double[] eyeY, int[] photoHeight,
                                 int frameWidth, int frameHeight, double maxScale) {
        double[] fit = twoShot(faceWidth, faceHeight, eyeY, photoHeight, frameWidth, frameHeight, maxScale);
        for (int i = 0; i < 2; i++) {
            if (fit[1] + fit[0] / faceHeight[i] * (photoHeight[i] - eyeY[i]) < frameHeight - 0.5) {
                return i;
            }
        }
        return -1;
    }

    /** The smallest scale at which the photo covers the frame. */
    public static double cover(int photoWidth, int photoHeight, int frameWidth, int frameHeight) {
        return Math.max(frameWidth / (double) photoWidth, frameHeight / (double) photoHeight);
    }
}
