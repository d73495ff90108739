package ai.gaga.rig;

import java.util.Arrays;

/**
 * Texture measures on B, G, R plates, shared by the painters (to match what they paint to the photo around it) and
 * their tests: high-frequency energy (variance of the luma Laplacian) and edge sharpness (the steepest step between
 * neighbouring pixels over the local contrast, 1 for a hard step, about 0.4 for a step blurred by a Gaussian of one
 * pixel).
 */
final class PlateMeasures {
    /** Local contrast (luma range over 5x5) under which a pixel is no edge. */
    static final double EDGE_CONTRAST = 12;

    private PlateMeasures() {
    }

    static double luma(byte[] bgr, int o) {
        return 0.114 * (bgr[o] & 0xFF) + 0.587 * (bgr[o + 1] & 0xFF) + 0.299 * (bgr[o + 2] & 0xFF);
    }

    /** 4-neighbour Laplacian of luma at (x, y), which must be at least one pixel inside the plate. */
    static double laplacian(byte[] bgr, int w, int x, int y) {
        int o = (y * w + x) * 3;
        return luma(bgr, o - 3) + luma(bgr, o + 3) + luma(bgr, o - 3 * w) + luma(bgr, o + 3 * w) - 4 * luma(bgr, o);
    }

    /**
     * Robust variance of the luma Laplacian over a box (inclusive, clipped one pixel inside the plate), NaN when
     * empty: see {@link #robustVariance}.
     */
    static double laplacianVariance(byte[] bgr, int w, int h, int x0, int y0, int x1, int y1) {
        int bx0 = Math.max(1, x0);
        int bx1 = Math.min(w - 2, x1);
        int by0 = Math.max(1, y0);
        int by1 = Math.min(h - 2, y1);
        if (bx1 < bx0 || by1 < by0) {
            return Double.NaN;
        }
        double[] v = new double[(bx1 - bx0 + 1) * (by1 - by0 + 1)];
        int n = 0;
        for (int y = by0; y <= by1; y++) {
            for (int x = bx0; x <= bx1; x++) {
                v[n++] = laplacian(bgr, w, x, y);
            }
        }
        return n < 4 ? Double.NaN : robustVariance(v, n);
    }

    /**
     * Variance of the first {@code n} values read robustly, from their median absolute deviation ((1.4826 MAD)^2,
     * the variance for Gaussian values): the texture's high-frequency energy, which a few strong edges of what is
     * shown (a tooth against the dark of the mouth, a mole on the skin) do not swamp. Reorders the values.
     */
    static double robustVariance(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double median = quantile(values, n, 0.5);
        for (int i = 0; i < n; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        double mad = 1.4826 * quantile(values, n, 0.5);
        return mad * mad;
    }

    /**
     * Edge sharpness at (x, y) (at least two pixels inside the plate): the largest luma step to a 4-neighbour over
     * the 5x5 luma range, or NaN where the range is under {@link #EDGE_CONTRAST}.
     */
    static double edgeSharpness(byte[] bgr, int w, int x, int y) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int yy = -2; yy <= 2; yy++) {
            for (int xx = -2; xx <= 2; xx++) {
                double l = luma(bgr, ((y + yy) * w + x + xx) * 3);
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
        }
        double range = max - min;
        if (range < EDGE_CONTRAST) {
            return Double.NaN;
        }
        int o = (y * w + x) * 3;
        double c = luma(bgr, o);
        double step = Math.max(Math.max(Math.abs(luma(bgr, o + 3) - c), Math.abs(luma(bgr, o - 3) - c)),
                Math.max(Math.abs(luma(bgr, o + 3 * w) - c), Math.abs(luma(bgr, o - 3 * w) - c)));
        return step / range;
    }

    /** The {@code q} quantile (0..1) of the first {@code n} values (reorders them); NaN when none. */
    static double quantile(double[] values, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, n);
        return values[Math.min(n - 1, (int) Math.floor(q * (n - 1) + 0.5))];
    }

    /**
     * Edge sharpness of the photo's own lip edge: the given quantile of {@link #edgeSharpness} over pixels within a
     * pixel and a half of the outer lip contour of points {@code x, y}; NaN when there are too few edge pixels.
     */
    static double lipEdgeSharpness(byte[] bgr, int w, int h, float[] x, float[] y, double q) {
        int[][] lines = {OUTER_UPPER, OUTER_LOWER};
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int[] line : lines) {
            for (int i : line) {
                minX = Math.min(minX, x[i]);
                maxX = Math.max(maxX, x[i]);
                minY = Math.min(minY, y[i]);
                maxY = Math.max(maxY, y[i]);
            }
        }
        int x0 = Math.max(2, (int) minX - 2);
        int x1 = Math.min(w - 3, (int) maxX + 2);
        int y0 = Math.max(2, (int) minY - 2);
        int y1 = Math.min(h - 3, (int) maxY + 2);
        if (x1 < x0 || y1 < y0) {
            return Double.NaN;
        }
        double[] values = new double[(x1 - x0 + 1) * (y1 - y0 + 1)];
        int n = 0;
        for (int yy = y0; yy <= y1; yy++) {
            for (int xx = x0; xx <= x1; xx++) {
                double best = Double.MAX_VALUE;
                for (int[] line : lines) {
                    for (int k = 0; k + 1 < line.length; k++) {
                        best = Math.min(best, segmentDistance(xx + 0.5, yy + 0.5, x[line[k]], y[line[k]],
                                x[line[k + 1]], y[line[k + 1]]));
                    }
                }
                if (best <= 1.5) {
                    double s = edgeSharpness(bgr, w, xx, yy);
                    if (!Double.isNaN(s)) {
                        values[n++] = s;
                    }
                }
            }
        }
        return n < 8 ? Double.NaN : quantile(values, n, q);
    }

    /**
     * The Gaussian blur (sigma, pixels) whose step has the given {@link #edgeSharpness}: the largest neighbour step
     * of a blurred unit step, {@code erf(0.5 / (sigma sqrt 2))}, over its range across five pixels.
     */
    static double sigmaForSharpness(double sharpness) {
        double lo = 0.2;
        double hi = 5;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            double s = erf(0.5 / (mid * Math.sqrt(2))) / erf(2.0 / (mid * Math.sqrt(2)));
            if (s > sharpness) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Abramowitz and Stegun 7.1.26 (error under 1.5e-7). */
    static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x);
        return x >= 0 ? y : -y;
    }

    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax;
        double vy = by - ay;
        double len2 = vx * vx + vy * vy;
        double t = len2 <= 1e-12 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2));
        return Math.hypot(px - ax - t * vx, py - ay - t * vy);
    }

    /** Outer lip contours, corner to corner. */
    static final int[] OUTER_UPPER = {61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291};
    static final int[] OUTER_LOWER = {61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291};
}
