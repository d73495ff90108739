package ai.gaga.picture;

/**
 * Draws a plate (packed BGR, optionally with an alpha byte per pixel) into a frame under a scale-and-translate
 * mapping, with fixed-point separable bilinear filtering: each horizontally filtered source row is computed once into
 * a two-row sliding window and reused for every output row that needs it. Partial coverage at the plate's edges and
 * the alpha blend into what the frame already holds, so a moving edge does not crawl. No allocation per call.
 *
 * <p>Mapping: frame pixel centre {@code X + 0.5} samples the plate at continuous coordinate
 * {@code u = ax * (X + 0.5) + bx} (plate pixel {@code i} spans {@code [i, i + 1)}), likewise {@code v} for rows.
 * The grade is applied as the pixels are written ({@link GradeLut} tables), so a graded frame costs no extra pass over
 * the plate's pixels. Not thread-safe.
 */
final class PlateSampler {
    private final int width;
    private final int height;
    private final int[] colOff0;
    private final int[] colOff1;
    private final int[] colWeight;
    private final int[] colCover;
    private final int[][] rows = new int[2][];
    private final int[][] alphaRows = new int[2][];
    private final int[] rowKeys = {-1, -1};
    /** Frame columns [rowX0, rowX1) each window slot was filtered over. */
    private final int[] rowX0 = new int[2];
    private final int[] rowX1 = new int[2];

    PlateSampler(int width, int height) {
        this.width = width;
        this.height = height;
        colOff0 = new int[width];
        colOff1 = new int[width];
        colWeight = new int[width];
        colCover = new int[width];
        for (int i = 0; i < 2; i++) {
            rows[i] = new int[width * 3];
            alphaRows[i] = new int[width];
        }
    }

    /**
     * Draws the plate over columns {@code [clipX0, clipX1)} and rows {@code [clipY0, clipY1)} of the frame.
     *
     * @param alpha  per-pixel opacity of the plate (0..255), or null for an opaque plate
     * @param extent with alpha: for each plate row j, {@code extent[2j] .. extent[2j+1]} (inclusive) bounds the
     *               columns where rows j-1..j+1 have non-zero alpha (min > max for an empty row); pixels outside are
     *               skipped
     * @param lut    the grade applied to the plate's pixels as they are written
     * @return whether the plate covered every pixel of the clip fully (nothing of what was below shows)
     */
    boolean draw(byte[] dst, int clipX0, int clipX1, int clipY0, int clipY1, byte[] src, byte[] alpha, int[] extent,
                 int sw, int sh, double ax, double bx, double ay, double by, GradeLut lut) {
        int[] lb = lut.b;
        int[] lg = lut.g;
        int[] lr = lut.r;
        int xa = clamp((int) Math.floor(-bx / ax), clipX0, clipX1);
        int xb = clamp((int) Math.ceil((sw - bx) / ax), clipX0, clipX1);
        int ya = clamp((int) Math.floor(-by / ay), clipY0, clipY1);
        int yb = clamp((int) Math.ceil((sh - by) / ay), clipY0, clipY1);
        int xi0 = -1;
        int xi1 = -1;
        for (int x = xa; x < xb; x++) {
            double u = ax * (x + 0.5) + bx - 0.5;
            u = Math.max(0, Math.min(sw - 1, u));
            int i0 = (int) u;
            colOff0[x] = i0;
            colOff1[x] = Math.min(i0 + 1, sw - 1);
            colWeight[x] = (int) ((u - i0) * 256 + 0.5);
            int cover = cover(ax * x + bx, ax * (x + 1) + bx, sw, ax);
            colCover[x] = cover;
            if (cover == 256) {
                if (xi0 < 0) {
                    xi0 = x;
                }
                xi1 = x + 1;
            }
        }
        if (xi0 < 0) {
            xi0 = xb;
            xi1 = xb;
        }
        rowKeys[0] = -1;
        rowKeys[1] = -1;
        boolean full = alpha == null && xa == clipX0 && xb == clipX1 && xi0 == clipX0 && xi1 == clipX1
                && ya == clipY0 && yb == clipY1;
        for (int y = ya; y < yb; y++) {
            double v = ay * (y + 0.5) + by - 0.5;
            v = Math.max(0, Math.min(sh - 1, v));
            int j0 = (int) v;
            int j1 = Math.min(j0 + 1, sh - 1);
            int wy1 = (int) ((v - j0) * 256 + 0.5);
            int wy0 = 256 - wy1;
            int slot0 = row(j0, -1, xa, xb, src, alpha, extent, sw, ax, bx);
            int slot1 = row(j1, slot0, xa, xb, src, alpha, extent, sw, ax, bx);
            int[] r0 = rows[slot0];
            int[] r1 = rows[slot1];
            int rowCover = cover(ay * y + by, ay * (y + 1) + by, sh, ay);
            full &= rowCover == 256;
            int o = y * width * 3;
            if (alpha != null) {
                int[] a0 = alphaRows[slot0];
                int[] a1 = alphaRows[slot1];
                // Both rows were filtered over every column where either has any alpha.
                for (int x = Math.max(rowX0[slot0], rowX0[slot1]), end = Math.min(rowX1[slot0], rowX1[slot1]);
                     x < end; x++) {
                    int a = (a0[x] * wy0 + a1[x] * wy1 + 32768) >>> 16; // 0..255
                    if (a == 0) {
                        continue;
                    }
                    a += a >> 7; // 0..256
                    int k = (a * ((colCover[x] * rowCover + 128) >> 8) + 128) >> 8; // 0..256
                    blend(dst, o, x, r0, r1, wy0, wy1, k, lb, lg, lr);
                }
            } else if (rowCover == 256) {
                for (int i = xi0 * 3, end = xi1 * 3; i < end; i += 3) {
                    dst[o + i] = (byte) lb[(r0[i] * wy0 + r1[i] * wy1 + 32768) >>> 16];
                    dst[o + i + 1] = (byte) lg[(r0[i + 1] * wy0 + r1[i + 1] * wy1 + 32768) >>> 16];
                    dst[o + i + 2] = (byte) lr[(r0[i + 2] * wy0 + r1[i + 2] * wy1 + 32768) >>> 16];
                }
                for (int x = xa; x < xi0; x++) {
                    blend(dst, o, x, r0, r1, wy0, wy1, colCover[x], lb, lg, lr);
                }
                for (int x = xi1; x < xb; x++) {
                    blend(dst, o, x, r0, r1, wy0, wy1, colCover[x], lb, lg, lr);
                }
            } else {
                for (int x = xa; x < xb; x++) {
                    blend(dst, o, x, r0, r1, wy0, wy1, (colCover[x] * rowCover + 128) >> 8, lb, lg, lr);
                }
            }
        }
        return full;
    }

    /** Graded bilinear sample at column x blended over dst (already graded) by {@code k} (0..256). */
    private static void blend(byte[] dst, int rowOffset, int x, int[] r0, int[] r1, int wy0, int wy1, int k,
                              int[] lb, int[] lg, int[] lr) {
        if (k <= 0) {
            return;
        }
        int d = rowOffset + x * 3;
        int i = x * 3;
        int b = lb[(r0[i] * wy0 + r1[i] * wy1 + 32768) >>> 16];
        int g = lg[(r0[i + 1] * wy0 + r1[i + 1] * wy1 + 32768) >>> 16];
        int r = lr[(r0[i + 2] * wy0 + r1[i + 2] * wy1 + 32768) >>> 16];
        if (k >= 256) {
            dst[d] = (byte) b;
            dst[d + 1] = (byte) g;
            dst[d + 2] = (byte) r;
            return;
        }
        int k0 = 256 - k;
        dst[d] = (byte) ((b * k + (dst[d] & 0xff) * k0 + 128) >> 8);
        dst[d + 1] = (byte) ((g * k + (dst[d + 1] & 0xff) * k0 + 128) >> 8);
        dst[d + 2] = (byte) ((r * k + (dst[d + 2] & 0xff) * k0 + 128) >> 8);
    }

    /** The window slot holding plate row j filtered horizontally over [xa, xb), computing it if needed. */
    private int row(int j, int keep, int xa, int xb, byte[] s, byte[] alpha, int[] extent, int sw, double ax,
                    double bx) {
        if (rowKeys[0] == j) {
            return 0;
        }
        if (rowKeys[1] == j) {
            return 1;
        }
        int slot;
        if (keep == 0) {
            slot = 1;
        } else if (keep == 1) {
            slot = 0;
        } else {
            slot = rowKeys[0] <= rowKeys[1] ? 0 : 1;
        }
        int[] r = rows[slot];
        int base = j * sw;
        if (alpha != null) {
            // Only the columns whose taps can reach this row's (dilated) non-zero alpha.
            int lo = extent[2 * j];
            int hi = extent[2 * j + 1];
            if (lo > hi) {
                xb = xa;
            } else {
                xa = Math.max(xa, (int) Math.floor((lo - bx) / ax) - 1);
                xb = Math.max(xa, Math.min(xb, (int) Math.ceil((hi + 1 - bx) / ax) + 1));
            }
        }
        rowX0[slot] = xa;
        rowX1[slot] = xb;
        for (int x = xa; x < xb; x++) {
            int o0 = (base + colOff0[x]) * 3;
            int o1 = (base + colOff1[x]) * 3;
            int w1 = colWeight[x];
            int w0 = 256 - w1;
            int d = x * 3;
            r[d] = (s[o0] & 0xff) * w0 + (s[o1] & 0xff) * w1;
            r[d + 1] = (s[o0 + 1] & 0xff) * w0 + (s[o1 + 1] & 0xff) * w1;
            r[d + 2] = (s[o0 + 2] & 0xff) * w0 + (s[o1 + 2] & 0xff) * w1;
        }
        if (alpha != null) {
            int[] a = alphaRows[slot];
            for (int x = xa; x < xb; x++) {
                int w1 = colWeight[x];
                a[x] = (alpha[base + colOff0[x]] & 0xff) * (256 - w1) + (alpha[base + colOff1[x]] & 0xff) * w1;
            }
        }
        rowKeys[slot] = j;
        return slot;
    }

    /** Share (0..256) of the pixel span [a, b) inside [0, extent], in plate units; the span is {@code len} long. */
    private static int cover(double a, double b, double extent, double len) {
        double overlap = Math.min(b, extent) - Math.max(a, 0);
        if (overlap <= 0) {
            return 0;
        }
        return (int) Math.min(256, Math.round(overlap / len * 256));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
