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

    /** The mask resampled bilinearly (pixel centres aligned, edges clamped) to {@code w} x {@code h}. */
    public float[] resample(int w, int h) {
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(height - 1, (y + 0.5) * height / h - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(height - 1, y0 + 1);
            double ay = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, Math.min(width - 1, (x + 0.5) * width / w - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(width - 1, x0 + 1);
                double ax = fx - x0;
                double v = (values[y0 * width + x0] * (1 - ax) + values[y0 * width + x1] * ax) * (1 - ay)
                        + (values[y1 * width + x0] * (1 - ax) + values[y1 * width + x1] * ax) * ay;
                out[y * w + x] = (float) Math.max(0, Math.min(1, v));
            }
        }
        return out;
    }

    /** The mask resampled to {@code w} x {@code h} as alpha bytes 0..255 (what compositors blend with). */
    public byte[] alpha(int w, int h) {
        float[] f = resample(w, h);
        byte[] out = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = (byte) Math.round(f[i] * 255);
        }
        return out;
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
