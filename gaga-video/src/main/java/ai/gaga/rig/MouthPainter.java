package ai.gaga.rig;

/**
 * Paints what an opening mouth shows and the photo never did, inside the deformed inner-lip polygon: a dark cavity
 * (darker towards the back), an upper-teeth band under the upper lip, lower teeth above the lower lip and a tongue,
 * blended in as the mouth opens beyond its rest opening. Teeth take the photo's own teeth colour when the photo shows
 * teeth. Not thread-safe; allocates nothing per frame.
 */
final class MouthPainter {
    private static final int BINS = 32;
    /** Opening beyond rest (inter-ocular units) at which the painted interior is fully opaque. */
    private static final double FADE_IN = 0.03;
    private static final int[][] PAIRS = {{13, 14}, {82, 87}, {312, 317}};

    private final FaceRig rig;
    private final double restAperture;
    private final double restWidth;
    /** Teeth colour, B, G, R. */
    private final float[] teeth;
    private final boolean photoTeeth;
    /** Curve samples per inner-lip segment: 20 landmarks make a visibly faceted outline on a close-up. */
    private static final int SMOOTH = 4;
    private final float[] polyX = new float[FaceRigIndex.INNER_LIP.length];
    private final float[] polyY = new float[FaceRigIndex.INNER_LIP.length];
    private final float[] smoothX = new float[FaceRigIndex.INNER_LIP.length * SMOOTH];
    private final float[] smoothY = new float[FaceRigIndex.INNER_LIP.length * SMOOTH];
    private final float[] curveU = new float[FaceRig.INNER_UPPER_FULL.length];
    private final float[] curveV = new float[FaceRig.INNER_UPPER_FULL.length];
    private final float[] upV = new float[BINS + 1];
    private final float[] loV = new float[BINS + 1];
    private final PolygonCoverage coverage = new PolygonCoverage();
    private final byte[] rest;
    /** Rest mouth frame: centre, half width and the inner-lip curves sampled like the deformed ones. */
    private final float restMcx;
    private final float restMcy;
    private final float restHalfW;
    private final float[] upRest = new float[BINS + 1];
    private final float[] loRest = new float[BINS + 1];
    private final float[] px3 = new float[3];

    MouthPainter(FaceRig rig, byte[] rest) {
        this.rig = rig;
        this.rest = rest;
        float[] rx = new float[rig.pointCount()];
        float[] ry = new float[rig.pointCount()];
        for (int i = 0; i < rx.length; i++) {
            rx[i] = rig.restX(i);
            ry[i] = rig.restY(i);
        }
        restAperture = aperture(rx, ry);
        restWidth = Math.hypot(rx[308] - rx[78], ry[308] - ry[78]);
        // Teeth already in the photo: bright, unsaturated pixels inside the rest inner lip.
        for (int k = 0; k < polyX.length; k++) {
            polyX[k] = rx[FaceRigIndex.INNER_LIP[k]];
            polyY[k] = ry[FaceRigIndex.INNER_LIP[k]];
        }
        coverage.rasterize(polyX, polyY, polyX.length, rig.plateWidth(), rig.plateHeight());
        double sb = 0;
        double sg = 0;
        double sr = 0;
        int count = 0;
        for (int yy = 0; yy < coverage.h; yy++) {
            for (int xx = 0; xx < coverage.w; xx++) {
                if (coverage.cov[yy * coverage.w + xx] < 0.99f) {
                    continue;
                }
                int o = ((coverage.y0 + yy) * rig.plateWidth() + coverage.x0 + xx) * 3;
                int b = rest[o] & 0xFF;
                int g = rest[o + 1] & 0xFF;
                int r = rest[o + 2] & 0xFF;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                if (max > 140 && max - min < 0.35 * max) {
                    sb += b;
                    sg += g;
                    sr += r;
                    count++;
                }
            }
        }
        photoTeeth = count >= 12;
        float ax = (float) rig.axisX();
        float ay = (float) rig.axisY();
        restMcx = (rx[78] + rx[308]) / 2;
        restMcy = (ry[78] + ry[308]) / 2;
        restHalfW = Math.max(1f, (float) restWidth / 2);
        sample(FaceRig.INNER_UPPER_FULL, rx, ry, restMcx, restMcy, ax, ay, restHalfW, upRest);
        sample(FaceRig.INNER_LOWER_FULL, rx, ry, restMcx, restMcy, ax, ay, restHalfW, loRest);
        teeth = photoTeeth ? new float[] {(float) (sb / count), (float) (sg / count), (float) (sr / count)}
                : new float[] {196, 218, 232};
    }

    /** Whether the photo already shows teeth (whose colour the painted teeth then take). */
    boolean photoShowsTeeth() {
        return photoTeeth;
    }

    /** Mean inner-lip aperture, inter-ocular units. */
    double aperture(float[] x, float[] y) {
        double ax = rig.axisX();
        double ay = rig.axisY();
        double s = 0;
        for (int[] p : PAIRS) {
            s += -(x[p[1]] - x[p[0]]) * ay + (y[p[1]] - y[p[0]]) * ax;
        }
        return s / PAIRS.length / rig.interOcular();
    }

    /**
     * Paints the mouth interior for deformed points {@code x, y}; returns false when the mouth is not open beyond
     * rest (nothing painted). {@code dirty} (x0, y0, x1, y1 inclusive) grows by the painted box.
     */
    boolean paint(byte[] dst, float[] x, float[] y, float tongueUp, int[] dirty) {
        double alpha0 = Math.min(1, (aperture(x, y) - restAperture) / FADE_IN);
        if (alpha0 <= 0) {
            return false;
        }
        int w = rig.plateWidth();
        for (int k = 0; k < polyX.length; k++) {
            polyX[k] = x[FaceRigIndex.INNER_LIP[k]];
            polyY[k] = y[FaceRigIndex.INNER_LIP[k]];
        }
        smooth();
        coverage.rasterize(smoothX, smoothY, smoothX.length, w, rig.plateHeight());
        if (coverage.w == 0) {
            return false;
        }
        float ax = (float) rig.axisX();
        float ay = (float) rig.axisY();
        float mcx = (x[78] + x[308]) / 2;
        float mcy = (y[78] + y[308]) / 2;
        float halfW = Math.max(1f, (float) Math.hypot(x[308] - x[78], y[308] - y[78]) / 2);
        sample(FaceRig.INNER_UPPER_FULL, x, y, mcx, mcy, ax, ay, halfW, upV);
        sample(FaceRig.INNER_LOWER_FULL, x, y, mcx, mcy, ax, ay, halfW, loV);
        float upperH = (float) (0.085 * restWidth);
        float lowerH = (float) (0.07 * restWidth);
        float toothW = (float) (0.11 * restWidth);
        float a0 = (float) alpha0;
        for (int yy = 0; yy < coverage.h; yy++) {
            int py = coverage.y0 + yy;
            for (int xx = 0; xx < coverage.w; xx++) {
                float c = coverage.cov[yy * coverage.w + xx];
                if (c <= 0f) {
                    continue;
                }
                int px = coverage.x0 + xx;
                float dx = px + 0.5f - mcx;
                float dy = py + 0.5f - mcy;
                float u = dx * ax + dy * ay;
                float v = -dx * ay + dy * ax;
                float un = Math.max(-1f, Math.min(1f, u / halfW));
                float fb = (un + 1) * 0.5f * BINS;
                int b = Math.min(BINS - 1, (int) fb);
                float t = fb - b;
                float vUp = upV[b] + t * (upV[b + 1] - upV[b]);
                float vLo = loV[b] + t * (loV[b + 1] - loV[b]);
                float open = Math.max(1f, vLo - vUp);
                float side = un * un;
                // Cavity: lighter near the lips and corners, dark at the back.
                float mid = 1 - Math.abs(2 * (v - vUp) / open - 1);
                float depth = Math.max(0f, Math.min(1f, (1 - side) * (0.55f + 0.45f * mid)));
                float cb = 48 - 38 * depth;
                float cg = 50 - 38 * depth;
                float cr = 112 - 84 * depth;
                // Tongue at the bottom of the cavity, lifted by TONGUE_UP.
                float tongueTop = vLo - open * (0.16f + 0.4f * tongueUp) * (1 - 0.6f * side);
                float ta = clamp01(v - tongueTop + 0.5f) * clamp01((0.8f - Math.abs(un)) * halfW * 0.5f)
                        * (0.45f + 0.45f * tongueUp);
                if (ta > 0) {
                    float sh = 0.6f + 0.4f * clamp01((v - tongueTop) / Math.max(1f, vLo - tongueTop));
                    cb += ta * (62 * sh - cb);
                    cg += ta * (58 * sh - cg);
                    cr += ta * (135 * sh - cr);
                }
                // Lower teeth above the lower lip, partly hidden by it.
                float gap = u / toothW + 0.5f;
                gap = Math.abs(gap - Math.round(gap));
                float gapShade = 0.88f + 0.12f * clamp01(gap * 12);
                float lowTop = vLo - lowerH * (1 - 0.4f * side);
                float la = 0.45f * clamp01(v - lowTop + 0.5f) * clamp01((0.6f - Math.abs(un)) * halfW * 0.3f);
                if (la > 0) {
                    float sh = (1 - 0.6f * side) * 0.7f * gapShade;
                    cb += la * (teeth[0] * sh - cb);
                    cg += la * (teeth[1] * sh - cg);
                    cr += la * (teeth[2] * sh - cr);
                }
                // Upper teeth hang from the upper lip; shadowed under the lip and towards the corners.
                float upBottom = vUp + upperH * (1 - 0.35f * side);
                float ua = clamp01(upBottom - v + 0.5f) * clamp01((0.62f - Math.abs(un)) * halfW * 0.3f);
                if (ua > 0) {
                    float sh = (1 - 0.6f * side) * gapShade * 0.95f
                            * (0.72f + 0.28f * clamp01((v - vUp) / (0.35f * upperH)));
                    cb += ua * (teeth[0] * sh - cb);
                    cg += ua * (teeth[1] * sh - cg);
                    cr += ua * (teeth[2] * sh - cr);
                }
                if (photoTeeth) {
                    // The photo's own teeth: the upper part of its opening rides on the upper lip, the lower part
                    // on the lower lip.
                    float ru = un * restHalfW;
                    float rUp = upRest[b] + t * (upRest[b + 1] - upRest[b]);
                    float rLo = loRest[b] + t * (loRest[b + 1] - loRest[b]);
                    float rOpen = rLo - rUp;
                    if (rOpen > 1f) {
                        float dUp = v - vUp;
                        float dLo = vLo - v;
                        float pu = clamp01(0.55f * rOpen - dUp + 0.5f);
                        float pl = clamp01(0.45f * rOpen - dLo + 0.5f);
                        if (pu > 0) {
                            sampleRest(ru, rUp + dUp, ax, ay);
                            cb += pu * (px3[0] - cb);
                            cg += pu * (px3[1] - cg);
                            cr += pu * (px3[2] - cr);
                        } else if (pl > 0) {
                            sampleRest(ru, rLo - dLo, ax, ay);
                            cb += pl * (px3[0] - cb);
                            cg += pl * (px3[1] - cg);
                            cr += pl * (px3[2] - cr);
                        }
                    }
                }
                float a = c * a0;
                int o = (py * w + px) * 3;
                dst[o] = blend(dst[o], cb, a);
                dst[o + 1] = blend(dst[o + 1], cg, a);
                dst[o + 2] = blend(dst[o + 2], cr, a);
            }
        }
        AnimatedPlate.grow(dirty, coverage.x0, coverage.y0, coverage.x0 + coverage.w - 1,
                coverage.y0 + coverage.h - 1);
        return true;
    }

    /**
     * The closed Catmull-Rom curve through the polygon, except at the two mouth corners (indices 0 and 10), which
     * stay sharp.
     */
    private void smooth() {
        int n = polyX.length;
        for (int k = 0; k < n; k++) {
            int k0 = (k + n - 1) % n;
            int k2 = (k + 1) % n;
            int k3 = (k + 2) % n;
            boolean sharpA = k == 0 || k == n / 2;
            boolean sharpB = k2 == 0 || k2 == n / 2;
            // Tangents (halved central differences); zero at a corner so the curve meets it in a point.
            float tax = sharpA ? 0 : (polyX[k2] - polyX[k0]) * 0.5f;
            float tay = sharpA ? 0 : (polyY[k2] - polyY[k0]) * 0.5f;
            float tbx = sharpB ? 0 : (polyX[k3] - polyX[k]) * 0.5f;
            float tby = sharpB ? 0 : (polyY[k3] - polyY[k]) * 0.5f;
            for (int j = 0; j < SMOOTH; j++) {
                float t = j / (float) SMOOTH;
                float t2 = t * t;
                float t3 = t2 * t;
                float h00 = 2 * t3 - 3 * t2 + 1;
                float h10 = t3 - 2 * t2 + t;
                float h01 = -2 * t3 + 3 * t2;
                float h11 = t3 - t2;
                smoothX[k * SMOOTH + j] = h00 * polyX[k] + h10 * tax + h01 * polyX[k2] + h11 * tbx;
                smoothY[k * SMOOTH + j] = h00 * polyY[k] + h10 * tay + h01 * polyY[k2] + h11 * tby;
            }
        }
    }

    /** Bilinear sample of the rest plate at rest-mouth-frame (u, v) into {@link #px3} (B, G, R). */
    private void sampleRest(float u, float v, float ax, float ay) {
        int w = rig.plateWidth();
        int h = rig.plateHeight();
        float sx = restMcx + u * ax - v * ay - 0.5f;
        float sy = restMcy + u * ay + v * ax - 0.5f;
        sx = Math.max(0, Math.min(w - 1.001f, sx));
        sy = Math.max(0, Math.min(h - 1.001f, sy));
        int ix = Math.min(w - 2, (int) sx);
        int iy = Math.min(h - 2, (int) sy);
        float fx = sx - ix;
        float fy = sy - iy;
        int p = (iy * w + ix) * 3;
        int q = p + w * 3;
        for (int c = 0; c < 3; c++) {
            float top = (rest[p + c] & 0xFF) * (1 - fx) + (rest[p + 3 + c] & 0xFF) * fx;
            float bot = (rest[q + c] & 0xFF) * (1 - fx) + (rest[q + 3 + c] & 0xFF) * fx;
            px3[c] = top + fy * (bot - top);
        }
    }

    /** Samples a lip curve's v (mouth frame, pixels) at evenly spaced u across the mouth. */
    private void sample(int[] idx, float[] x, float[] y, float mcx, float mcy, float ax, float ay, float halfW,
                        float[] out) {
        for (int k = 0; k < idx.length; k++) {
            float dx = x[idx[k]] - mcx;
            float dy = y[idx[k]] - mcy;
            curveU[k] = dx * ax + dy * ay;
            curveV[k] = -dx * ay + dy * ax;
        }
        for (int b = 0; b <= BINS; b++) {
            float uu = -halfW + 2 * halfW * b / BINS;
            out[b] = interpolate(uu, idx.length);
        }
    }

    private float interpolate(float uu, int count) {
        if (uu <= curveU[0]) {
            return curveV[0];
        }
        for (int k = 1; k < count; k++) {
            if (uu <= curveU[k]) {
                float span = curveU[k] - curveU[k - 1];
                float t = span <= 1e-6f ? 1 : (uu - curveU[k - 1]) / span;
                return curveV[k - 1] + t * (curveV[k] - curveV[k - 1]);
            }
        }
        return curveV[count - 1];
    }

    static float clamp01(float v) {
        return v <= 0 ? 0 : v >= 1 ? 1 : v;
    }

    static byte blend(byte dst, float src, float a) {
        float d = dst & 0xFF;
        return (byte) Math.round(d + a * (src - d));
    }
}
