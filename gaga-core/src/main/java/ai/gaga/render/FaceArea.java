package ai.gaga.render;

/**
 * Where a face is in a photo, in the photo's pixels (x to the right, y down, from the top-left corner).
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  width, more than 0
 * @param height height, more than 0
 * @param eyeY   y of the eye line (the mean of both eyes), or NaN when unknown
 */
public record FaceArea(double x, double y, double width, double height, double eyeY) {
    /** Where the eyes sit in a face box when the detector gave no eyes: a little above its middle. */
    static final double EYE_SHARE = 0.4;

    public FaceArea {
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("Bad face area " + x + "," + y + " " + width + "x" + height);
        }
    }

    /** A face area without eyes (the eye line is estimated). */
    public FaceArea(double x, double y, double width, double height) {
        this(x, y, width, height, Double.NaN);
    }

    /** The eye line: the detector's, else estimated at {@value #EYE_SHARE} of the box height. */
    public double eyeLine() {
        return Double.isNaN(eyeY) ? y + EYE_SHARE * height : eyeY;
    }

    /** Right edge. */
    public double maxX() {
        return x + width;
    }

    /** Horizontal centre. */
    public double centerX() {
        return x + width / 2;
    }

    /** Vertical centre. */
    public double centerY() {
        return y + height / 2;
    }
}
