package ai.gaga.rig;

import ai.gaga.face.FaceMesh;
import ai.gaga.face.Landmarks478;

import java.util.Arrays;

/**
 * Paints what moving upper eyelids show and the photo never did. Closing (blink, squint): the band between where the
 * lid was and where it is now takes the lid's skin colour, fading in from the old lid line so there is no edge, with
 * a dark lash line along the closing edge. Opening (wide): the band the lid uncovers shows sclera, and iris where the
 * iris circle reaches into it. Colours are sampled from the rest plate once. Not thread-safe; allocates nothing per
 * frame.
 */
final class EyelidPainter {
    private static final int BINS = 24;
    private static final FaceControl[] LID_CONTROLS = {FaceControl.EYE_WIDE, FaceControl.EYE_SQUINT,
            FaceControl.BROW_DOWN, FaceControl.BROW_INNER_UP, FaceControl.BROW_OUTER_UP, FaceControl.CHEEK_SQUINT,
            FaceControl.MOUTH_SMILE};

    private final FaceRig rig;
    /** Per eye: lid skin, sclera and iris colour, B, G, R. */
    private final float[][] skin = new float[2][];
    private final float[][] sclera = new float[2][];
    private final float[][] iris = new float[2][];
    private final float[] irisRadius = new float[2];
    private final float[] polyX = new float[18];
    private final float[] polyY = new float[18];
    private final float[] refX = new float[9];
    private final float[] refY = new float[9];
    private final float[] off = new float[2];
    private final float[] curveU = new float[9];
    private final float[] curveV = new float[9];
    private final float[] topV = new float[BINS + 1];
    private final float[] lidV = new float[BINS + 1];
    private final PolygonCoverage coverage = new PolygonCoverage();

    EyelidPainter(FaceRig rig, byte[] rest) {
        this.rig = rig;
        double iod = rig.interOcular();
        for (int e = 0; e < 2; e++) {
            int[] up = FaceRig.LIDS[2 * e];
            int[] lo = FaceRig.LIDS[2 * e + 1];
            double[] a = new double[3];
            double[] b = new double[3];
            int na = 0;
            int nb = 0;
            // A closed lid is lit like the skin under the eye, a little darker like the lid above the lashes.
            for (int k = 2; k <= 6; k++) {
                na += band(rest, up[k], -0.045, -0.02, a);
                nb += band(rest, lo[k], 0.06, 0.1, b);
            }
            float[] lidSkin = mean(a, na);
            float[] under = mean(b, nb);
            skin[e] = new float[3];
            for (int c = 0; c < 3; c++) {
                skin[e][c] = 0.3f * lidSkin[c] + 0.7f * under[c] * 0.95f;
            }
            int centre = e == 0 ? Landmarks478.RIGHT_IRIS_CENTER : Landmarks478.LEFT_IRIS_CENTER;
            double r = 0;
            for (int k = 1; k <= 4; k++) {
                r += Math.hypot(rig.restX(centre + k) - rig.restX(centre), rig.restY(centre + k) - rig.restY(centre));
            }
            irisRadius[e] = (float) Math.max(1, r / 4);
            iris[e] = disc(rest, rig.restX(centre), rig.restY(centre), 0.6 * irisRadius[e]);
            sclera[e] = scleraColour(rest, e == 0 ? FaceMesh.RIGHT_EYE : FaceMesh.LEFT_EYE, rig.restX(centre),
                    rig.restY(centre), irisRadius[e]);
        }
        if (iod <= 0) {
            throw new IllegalStateException("degenerate rig");
        }
    }

    /** Adds the pixels along the face's vertical from {@code d0} to {@code d1} IODs below landmark {@code i}. */
    private int band(byte[] rest, int i, double d0, double d1, double[] acc) {
        double iod = rig.interOcular();
        double nx = -rig.axisY();
        double ny = rig.axisX();
        int count = 0;
        int steps = Math.max(2, (int) Math.round((d1 - d0) * iod));
        for (int s = 0; s <= steps; s++) {
            double d = d0 + (d1 - d0) * s / steps;
            count += addPixel(rest, rig.restX(i) + nx * d * iod, rig.restY(i) + ny * d * iod, acc);
        }
        return count;
    }

    private int addPixel(byte[] rest, double fx, double fy, double[] acc) {
        int px = (int) Math.floor(fx);
        int py = (int) Math.floor(fy);
        if (px < 0 || py < 0 || px >= rig.plateWidth() || py >= rig.plateHeight()) {
            return 0;
        }
        int o = (py * rig.plateWidth() + px) * 3;
        for (int c = 0; c < 3; c++) {
            acc[c] += rest[o + c] & 0xFF;
        }
        return 1;
    }

    private float[] disc(byte[] rest, double cx, double cy, double r) {
        double[] a = new double[3];
        int n = 0;
        for (int y = (int) Math.floor(cy - r); y <= (int) Math.ceil(cy + r); y++) {
            for (int x = (int) Math.floor(cx - r); x <= (int) Math.ceil(cx + r); x++) {
                if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r) {
                    n += addPixel(rest, x + 0.5, y + 0.5, a);
                }
            }
        }
        return n == 0 ? new float[] {60, 70, 90} : mean(a, n);
    }

    /** The brighter half of the eye opening outside the iris: the white of the eye. */
    private float[] scleraColour(byte[] rest, int[] contour, double cx, double cy, double r) {
        float[] xs = new float[contour.length];
        float[] ys = new float[contour.length];
        for (int k = 0; k < contour.length; k++) {
            xs[k] = rig.restX(contour[k]);
            ys[k] = rig.restY(contour[k]);
        }
        coverage.rasterize(xs, ys, xs.length, rig.plateWidth(), rig.plateHeight());
        int[] lum = new int[coverage.w * coverage.h];
        int n = 0;
        for (int y = 0; y < coverage.h; y++) {
            for (int x = 0; x < coverage.w; x++) {
                int px = coverage.x0 + x;
                int py = coverage.y0 + y;
                if (coverage.cov[y * coverage.w + x] > 0.99f && Math.hypot(px + 0.5 - cx, py + 0.5 - cy) > r * 1.1) {
                    int o = (py * rig.plateWidth() + px) * 3;
                    lum[n++] = ((rest[o] & 0xFF) + (rest[o + 1] & 0xFF) + (rest[o + 2] & 0xFF)) << 20 | (y << 10) | x;
                }
            }
        }
        if (n < 4) {
            return new float[] {200, 205, 210};
        }
        Arrays.sort(lum, 0, n);
        double[] a = new double[3];
        int m = 0;
        for (int k = n / 2; k < n; k++) {
            int x = lum[k] & 0x3FF;
            int y = (lum[k] >> 10) & 0x3FF;
            m += addPixel(rest, coverage.x0 + x + 0.5, coverage.y0 + y + 0.5, a);
        }
        return mean(a, m);
    }

    private static float[] mean(double[] a, int n) {
        if (n == 0) {
            return new float[] {128, 128, 128};
        }
        return new float[] {(float) (a[0] / n), (float) (a[1] / n), (float) (a[2] / n)};
    }

    /** Paints both eyes' lids for the given controls; {@code dirty} grows by the painted boxes. */
    void paint(byte[] dst, float[] x, float[] y, FaceControls c, int[] dirty) {
        paintEye(dst, x, y, 0, FaceControl.EYE_BLINK_RIGHT, c, dirty);
        paintEye(dst, x, y, 1, FaceControl.EYE_BLINK_LEFT, c, dirty);
    }

    private void paintEye(byte[] dst, float[] x, float[] y, int eye, FaceControl blinkControl, FaceControls c,
                          int[] dirty) {
        float blink = c.get(blinkControl);
        int[] lid = FaceRig.LIDS[eye * 2];
        int m = lid.length;
        // Where the lid would be without the lid controls (it still follows the head).
        float maxShift = 0;
        for (int k = 0; k < m; k++) {
            int i = lid[k];
            float rx = x[i];
            float ry = y[i];
            if (blink != 0f) {
                rig.controlOffset(blinkControl, blink, i, off);
                rx -= off[0];
                ry -= off[1];
            }
            for (FaceControl lc : LID_CONTROLS) {
                float w = c.get(lc);
                if (w != 0f) {
                    rig.controlOffset(lc, w, i, off);
                    rx -= off[0];
                    ry -= off[1];
                }
            }
            refX[k] = rx;
            refY[k] = ry;
            maxShift = Math.max(maxShift, Math.abs(ry - y[i]) + Math.abs(rx - x[i]));
        }
        if (maxShift < 0.3f) {
            return;
        }
        for (int k = 0; k < m; k++) {
            polyX[k] = refX[k];
            polyY[k] = refY[k];
            polyX[2 * m - 1 - k] = x[lid[k]];
            polyY[2 * m - 1 - k] = y[lid[k]];
        }
        float ax = (float) rig.axisX();
        float ay = (float) rig.axisY();
        float ox = (refX[0] + refX[m - 1]) / 2;
        float oy = (refY[0] + refY[m - 1]) / 2;
        float halfW = Math.max(1f, (float) Math.hypot(refX[m - 1] - refX[0], refY[m - 1] - refY[0]) / 2);
        sample(refX, refY, ox, oy, ax, ay, halfW, topV);
        for (int k = 0; k < m; k++) {
            refX[k] = x[lid[k]];
            refY[k] = y[lid[k]];
        }
        sample(refX, refY, ox, oy, ax, ay, halfW, lidV);
        int centre = eye == 0 ? Landmarks478.RIGHT_IRIS_CENTER : Landmarks478.LEFT_IRIS_CENTER;
        float icx = x[centre];
        float icy = y[centre];
        float ir = irisRadius[eye];
        float[] sk = skin[eye];
        float[] sc = sclera[eye];
        float[] ic = iris[eye];
        int w = rig.plateWidth();
        coverage.rasterize(polyX, polyY, 2 * m, w, rig.plateHeight());
        for (int yy = 0; yy < coverage.h; yy++) {
            int py = coverage.y0 + yy;
            for (int xx = 0; xx < coverage.w; xx++) {
                float cov = coverage.cov[yy * coverage.w + xx];
                if (cov <= 0f) {
                    continue;
                }
                int px = coverage.x0 + xx;
                float dx = px + 0.5f - ox;
                float dy = py + 0.5f - oy;
                float u = dx * ax + dy * ay;
                float v = -dx * ay + dy * ax;
                float fb = (Math.max(-1f, Math.min(1f, u / halfW)) + 1) * 0.5f * BINS;
                int b = Math.min(BINS - 1, (int) fb);
                float t = fb - b;
                float vRef = topV[b] + t * (topV[b + 1] - topV[b]);
                float vLid = lidV[b] + t * (lidV[b + 1] - lidV[b]);
                float span = vLid - vRef;
                float cb;
                float cg;
                float cr;
                float a;
                if (span > 0) { // closing: lid skin, fading in from the old lid line, darker towards the lashes
                    float f = MouthPainter.clamp01((v - vRef) / Math.max(0.5f, span));
                    a = 0.85f * (float) FaceRig.smooth(0, 0.5, f);
                    float sh = 1 - 0.1f * f;
                    cb = sk[0] * sh;
                    cg = sk[1] * sh;
                    cr = sk[2] * sh;
                } else { // opening: sclera or iris, shadowed under the lid, fading into the eye below
                    float f = MouthPainter.clamp01((v - vLid) / Math.max(0.5f, -span));
                    a = 1 - (float) FaceRig.smooth(0.6, 1, f);
                    float di = (float) Math.hypot(px + 0.5f - icx, py + 0.5f - icy);
                    float inIris = MouthPainter.clamp01(ir - di + 0.5f);
                    float sh = 0.72f + 0.28f * (float) FaceRig.smooth(0, 0.6, f);
                    cb = (sc[0] + inIris * (ic[0] - sc[0])) * sh;
                    cg = (sc[1] + inIris * (ic[1] - sc[1])) * sh;
                    cr = (sc[2] + inIris * (ic[2] - sc[2])) * sh;
                }
                a *= Math.min(1f, cov);
                if (a <= 0f) {
                    continue;
                }
                int o = (py * w + px) * 3;
                dst[o] = MouthPainter.blend(dst[o], cb, a);
                dst[o + 1] = MouthPainter.blend(dst[o + 1], cg, a);
                dst[o + 2] = MouthPainter.blend(dst[o + 2], cr, a);
            }
        }
        if (coverage.w > 0) {
            AnimatedPlate.grow(dirty, coverage.x0, coverage.y0, coverage.x0 + coverage.w - 1,
                    coverage.y0 + coverage.h - 1);
        }
        float lash = 0.85f * (float) FaceRig.smooth(0.25, 0.9, blink);
        if (lash > 0) {
            lashLine(dst, x, y, lid, sk, lash, dirty);
        }
    }

    /** A dark line along the closing edge, tapered at the corners. */
    private void lashLine(byte[] dst, float[] x, float[] y, int[] lid, float[] sk, float alpha, int[] dirty) {
        int m = lid.length;
        float iod = (float) rig.interOcular();
        float nx = (float) -rig.axisY();
        float ny = (float) rig.axisX();
        float up = Math.max(0.7f, 0.014f * iod);
        float down = Math.max(0.5f, 0.007f * iod);
        for (int k = 0; k < m; k++) {
            int i = lid[k];
            float taper = k == 0 || k == m - 1 ? 0.2f : 1f;
            polyX[k] = x[i] - nx * up * taper;
            polyY[k] = y[i] - ny * up * taper;
            polyX[2 * m - 1 - k] = x[i] + nx * down * taper;
            polyY[2 * m - 1 - k] = y[i] + ny * down * taper;
        }
        int w = rig.plateWidth();
        coverage.rasterize(polyX, polyY, 2 * m, w, rig.plateHeight());
        for (int yy = 0; yy < coverage.h; yy++) {
            for (int xx = 0; xx < coverage.w; xx++) {
                float c = coverage.cov[yy * coverage.w + xx];
                if (c <= 0f) {
                    continue;
                }
                float a = Math.min(1f, c) * alpha;
                int o = ((coverage.y0 + yy) * w + coverage.x0 + xx) * 3;
                dst[o] = MouthPainter.blend(dst[o], sk[0] * 0.3f, a);
                dst[o + 1] = MouthPainter.blend(dst[o + 1], sk[1] * 0.27f, a);
                dst[o + 2] = MouthPainter.blend(dst[o + 2], sk[2] * 0.28f, a);
            }
        }
        if (coverage.w > 0) {
            AnimatedPlate.grow(dirty, coverage.x0, coverage.y0, coverage.x0 + coverage.w - 1,
                    coverage.y0 + coverage.h - 1);
        }
    }

    private void sample(float[] xs, float[] ys, float ox, float oy, float ax, float ay, float halfW, float[] out) {
        int m = xs.length;
        for (int k = 0; k < m; k++) {
            float dx = xs[k] - ox;
            float dy = ys[k] - oy;
            curveU[k] = dx * ax + dy * ay;
            curveV[k] = -dx * ay + dy * ax;
        }
        boolean reversed = curveU[0] > curveU[m - 1];
        for (int b = 0; b <= BINS; b++) {
            float uu = -halfW + 2 * halfW * b / BINS;
            out[b] = interpolate(uu, m, reversed);
        }
    }

    /** The curve's v at {@code uu}; the lid runs outer to inner corner, so it may run right to left. */
    private float interpolate(float uu, int m, boolean reversed) {
        for (int s = 1; s < m; s++) {
            int k0 = reversed ? m - s : s - 1;
            int k1 = reversed ? m - s - 1 : s;
            float u0 = curveU[k0];
            float u1 = curveU[k1];
            if (uu <= u1 || s == m - 1) {
                if (uu <= u0) {
                    return curveV[k0];
                }
                float sp = u1 - u0;
                float t = sp <= 1e-6f ? 1 : Math.min(1, (uu - u0) / sp);
                return curveV[k0] + t * (curveV[k1] - curveV[k0]);
            }
        }
        return curveV[m - 1];
    }
}
