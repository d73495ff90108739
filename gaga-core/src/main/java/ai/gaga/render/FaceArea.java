package ai.gaga.render;

/**
 * Where a face is in a photo, in the photo's pixels (x to the right, y down, from the top-left corner).
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  width, more than 0
 * @param height height, more than 0
 */
public record FaceArea(double x, double y, double width, double height) {
    public FaceArea {
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("Bad face area " + x + "," + y + " " + width + "x" + height);
        }
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
