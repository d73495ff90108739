package ai.gaga.rig;

/**
 * Piecewise-affine backward warp of one triangle between two BGR24 images of the same size: every destination pixel
 * whose centre lies in the deformed triangle takes the bilinear sample (8-bit fixed-point weights) of the source at
 * the point with the same barycentric coordinates in the rest triangle. Stateless; allocates nothing.
 */
final class TriangleWarp {
    /** Pixel centres this close outside an edge still count, so triangles sharing an edge leave no gap. */
    private static final float EDGE_SLACK = 1e-3f;

    private TriangleWarp() {
    }

    /**
     * Warps one triangle; returns false when the deformed triangle is degenerate (nothing drawn).
     *
     * @param d destination (deformed) vertices x0, y0, x1, y1, x2, y2
     * @param s source (rest) vertices, same order
     */
    static boolean warp(byte[] src, byte[] dst, int w, int h, float[] d, float[] s) {
        double d1x = d[2] - d[0];
        double d1y = d[3] - d[1];
        double d2x = d[4] - d[0];
        double d2y = d[5] - d[1];
        double det = d1x * d2y - d2x * d1y;
        if (Math.abs(det) < 1e-6) {
            return false;
        }
        double s1x = s[2] - s[0];
        double s1y = s[3] - s[1];
        double s2x = s[4] - s[0];
        double s2y = s[5] - s[1];
        // source - s0 = M (dest - d0), M = S D^-1.
        double m00 = (s1x * d2y - s2x * d1y) / det;
        double m01 = (s2x * d1x - s1x * d2x) / det;
        double m10 = (s1y * d2y - s2y * d1y) / det;
        double m11 = (s2y * d1x - s1y * d2x) / det;
        float minY = Math.min(d[1], Math.min(d[3], d[5]));
        float maxY = Math.max(d[1], Math.max(d[3], d[5]));
        int y0 = Math.max(0, (int) Math.ceil(minY - 0.5f - EDGE_SLACK));
        int y1 = Math.min(h - 1, (int) Math.floor(maxY - 0.5f + EDGE_SLACK));
        int maxIx = w - 2;
        int maxIy = h - 2;
        for (int py = y0; py <= y1; py++) {
            float yc = py + 0.5f;
            float xl = Float.MAX_VALUE;
            float xr = -Float.MAX_VALUE;
            for (int e = 0; e < 3; e++) {
                float ax = d[2 * e];
                float ay = d[2 * e + 1];
                float bx = d[(2 * e + 2) % 6];
                float by = d[(2 * e + 3) % 6];
                if ((yc < ay - EDGE_SLACK && yc < by - EDGE_SLACK) || (yc > ay + EDGE_SLACK && yc > by + EDGE_SLACK)) {
                    continue;
                }
                float xi;
                if (Math.abs(by - ay) < 1e-6f) {
                    xl = Math.min(xl, Math.min(ax, bx));
                    xr = Math.max(xr, Math.max(ax, bx));
                    continue;
                }
                float t = Math.max(0f, Math.min(1f, (yc - ay) / (by - ay)));
                xi = ax + t * (bx - ax);
                xl = Math.min(xl, xi);
                xr = Math.max(xr, xi);
            }
            if (xl > xr) {
                continue;
            }
            int x0 = Math.max(0, (int) Math.ceil(xl - 0.5f - EDGE_SLACK));
            int x1 = Math.min(w - 1, (int) Math.floor(xr - 0.5f + EDGE_SLACK));
            if (x0 > x1) {
                continue;
            }
            // Source position of the first pixel centre, in source pixel-index space (centres at integers), 16.16.
            double ex = x0 + 0.5 - d[0];
            double ey = yc - d[1];
            double sx = s[0] + m00 * ex + m01 * ey - 0.5;
            double sy = s[1] + m10 * ex + m11 * ey - 0.5;
            int fx = (int) Math.round(sx * 65536);
            int fy = (int) Math.round(sy * 65536);
            int stepX = (int) Math.round(m00 * 65536);
            int stepY = (int) Math.round(m10 * 65536);
            int o = (py * w + x0) * 3;
            int n = x1 - x0 + 1;
            // Both ends of the row's source segment inside the image (minus the bilinear neighbour): no clamping.
            long lastX = fx + (long) stepX * (n - 1);
            long lastY = fy + (long) stepY * (n - 1);
            if (fx >= 0 && fy >= 0 && lastX >= 0 && lastY >= 0 && (fx >> 16) < maxIx && (fy >> 16) < maxIy
                    && (lastX >> 16) < maxIx && (lastY >> 16) < maxIy) {
                rowFast(src, dst, w, o, n, fx, fy, stepX, stepY);
            } else {
                rowClamped(src, dst, w, o, n, fx, fy, stepX, stepY, maxIx, maxIy);
            }
        }
        return true;
    }

    private static void rowFast(byte[] src, byte[] dst, int w, int o, int n, int fx, int fy, int stepX, int stepY) {
        int stride = w * 3;
        for (int k = 0; k < n; k++, fx += stepX, fy += stepY, o += 3) {
            int wx = (fx >>> 8) & 0xFF;
            int wy = (fy >>> 8) & 0xFF;
            int p = ((fy >> 16) * w + (fx >> 16)) * 3;
            int q = p + stride;
            int ax0 = 256 - wx;
            int ay0 = 256 - wy;
            int t0 = (src[p] & 0xFF) * ax0 + (src[p + 3] & 0xFF) * wx;
            int b0 = (src[q] & 0xFF) * ax0 + (src[q + 3] & 0xFF) * wx;
            int t1 = (src[p + 1] & 0xFF) * ax0 + (src[p + 4] & 0xFF) * wx;
            int b1 = (src[q + 1] & 0xFF) * ax0 + (src[q + 4] & 0xFF) * wx;
            int t2 = (src[p + 2] & 0xFF) * ax0 + (src[p + 5] & 0xFF) * wx;
            int b2 = (src[q + 2] & 0xFF) * ax0 + (src[q + 5] & 0xFF) * wx;
            dst[o] = (byte) ((t0 * ay0 + b0 * wy + 32768) >> 16);
            dst[o + 1] = (byte) ((t1 * ay0 + b1 * wy + 32768) >> 16);
            dst[o + 2] = (byte) ((t2 * ay0 + b2 * wy + 32768) >> 16);
        }
    }

    private static void rowClamped(byte[] src, byte[] dst, int w, int o, int n, int fx, int fy, int stepX,
                                   int stepY, int maxIx, int maxIy) {
        for (int k = 0; k < n; k++, fx += stepX, fy += stepY, o += 3) {
            int ix = fx >> 16;
            int iy = fy >> 16;
            int wx = (fx >>> 8) & 0xFF;
            int wy = (fy >>> 8) & 0xFF;
            if (ix < 0) {
                ix = 0;
                wx = 0;
            } else if (ix > maxIx) {
                ix = maxIx;
                wx = 255;
            }
            if (iy < 0) {
                iy = 0;
                wy = 0;
            } else if (iy > maxIy) {
                iy = maxIy;
                wy = 255;
            }
            int p = (iy * w + ix) * 3;
            int q = p + w * 3;
            int ax0 = 256 - wx;
            int ay0 = 256 - wy;
            for (int c = 0; c < 3; c++) {
                int top = (src[p + c] & 0xFF) * ax0 + (src[p + 3 + c] & 0xFF) * wx;
                int bot = (src[q + c] & 0xFF) * ax0 + (src[q + 3 + c] & 0xFF) * wx;
                dst[o + c] = (byte) ((top * ay0 + bot * wy + 32768) >> 16);
            }
        }
    }
}
