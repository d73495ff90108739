package ai.gaga.rig;

import java.util.Arrays;

/**
 * Antialiased coverage of a polygon (even-odd), 0..1 per pixel over the polygon's clipped bounding box: four
 * sub-scanlines per pixel row, exact horizontal overlap of each span with each pixel. Buffers are reused; allocates
 * only when a polygon is larger than any before it.
 */
final class PolygonCoverage {
    private static final int SUB = 4;
    float[] cov = new float[4096];
    /** Bounding box of the last polygon: first column and row, size; {@code w == 0} when empty. */
    int x0;
    int y0;
    int w;
    int h;
    private float[] cross = new float[64];

    /** Rasterises {@code count} vertices (x, y) into {@link #cov}, clipped to a {@code clipW x clipH} image. */
    void rasterize(float[] xs, float[] ys, int count, int clipW, int clipH) {
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        x0 = Math.max(0, (int) Math.floor(minX));
        y0 = Math.max(0, (int) Math.floor(minY));
        int x1 = Math.min(clipW - 1, (int) Math.floor(maxX));
        int y1 = Math.min(clipH - 1, (int) Math.floor(maxY));
        if (x1 < x0 || y1 < y0 || count < 3) {
            w = 0;
            h = 0;
            return;
        }
        w = x1 - x0 + 1;
        h = y1 - y0 + 1;
        if (cov.length < w * h) {
            cov = new float[Math.max(w * h, cov.length * 2)];
        }
        if (cross.length < count) {
            cross = new float[count * 2];
        }
        Arrays.fill(cov, 0, w * h, 0f);
        float subWeight = 1f / SUB;
        for (int row = 0; row < h; row++) {
            int rowOff = row * w;
            for (int s = 0; s < SUB; s++) {
                float yc = y0 + row + (s + 0.5f) / SUB;
                int nc = 0;
                for (int i = 0, j = count - 1; i < count; j = i++) {
                    float ay = ys[j];
                    float by = ys[i];
                    if ((ay <= yc) != (by <= yc)) {
                        float xi = xs[j] + (yc - ay) / (by - ay) * (xs[i] - xs[j]);
                        int k = nc++;
                        while (k > 0 && cross[k - 1] > xi) { // insertion sort
                            cross[k] = cross[k - 1];
                            k--;
                        }
                        cross[k] = xi;
                    }
                }
                for (int c = 0; c + 1 < nc; c += 2) {
                    span(rowOff, cross[c] - x0, cross[c + 1] - x0, subWeight);
                }
            }
        }
    }

    /** Adds {@code weight} times the overlap of [a, b) (box-relative x) with each pixel of one row. */
    private void span(int rowOff, float a, float b, float weight) {
        a = Math.max(a, 0);
        b = Math.min(b, w);
        if (b <= a) {
            return;
        }
        int ia = (int) a;
        int ib = (int) Math.min(w - 1, (int) b);
        if (ia == ib) {
            cov[rowOff + ia] += weight * (b - a);
            return;
        }
        cov[rowOff + ia] += weight * (ia + 1 - a);
        for (int p = ia + 1; p < ib; p++) {
            cov[rowOff + p] += weight;
        }
        cov[rowOff + ib] += weight * (b - ib);
    }
}
