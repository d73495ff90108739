package ai.gaga.face;

/**
 * Person probability per photo pixel, row-major, 0..1.
 *
 * @param width  photo width
 * @param height photo height
 * @param values {@code width * height} probabilities (not copied: treat as read-only)
 */
public record PersonMask(int width, int height, float[] values) {
    public PersonMask {
        if (values.length != width * height) {
            throw new IllegalArgumentException("Mask has " + values.length + " values for " + width + "x" + height);
        }
    }

    /** Probability at a pixel (clamped to the image). */
    public float at(int x, int y) {
        return values[Math.max(0, Math.min(height - 1, y)) * width + Math.max(0, Math.min(width - 1, x))];
    }

    /** Fraction of pixels with probability above one half. */
    public double coverage() {
        int n = 0;
        for (float v : values) {
            if (v > 0.5f) {
                n++;
            }
        }
        return n / (double) values.length;
    }
}
