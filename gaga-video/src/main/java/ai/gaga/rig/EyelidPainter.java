package ai.gaga.rig;

import ai.gaga.face.FaceMesh;
import ai.gaga.face.Landmarks478;

import java.util.Arrays;

/**
 * Paints what moving upper eyelids show and the photo never did. Closing (blink, squint): the photo's own upper-lid
 * skin is pulled down over the eye, no flat fill and no drawn line. Per column along the lid, the skin between a
 * crease ({@link #CREASE} above the lid line) and the photo's lash line (the darkest row at the lid margin, found once
 * per lid point, so the lashes come along and no iris or catchlight does) is stretched between where that crease is
 * now (it follows the lid partly, as the warp moves the skin there: the painter and the warp agree at the crease)
 * and the current lid line, which a closing lid carries a little past the lower lid line ({@link #OVERLAP}): the
 * real lash line lands on the closing edge and meets the lower lashes. The lid's tone is evened out towards that of
 * a closed lid (lit like the skin under the eye; its texture kept, and the lash line's own darkness), the skin fades
 * in below the crease and at the corners, the closing edge is feathered over {@link #EDGE}, and the lid shades
 * into the seam, its texture darkened towards the closing edge as a closed eye's lash line ({@link #LASH}). Opening (wide): the band the lid uncovers shows sclera, and iris where the iris circle
 * reaches into it (colours sampled from the rest plate once). Not thread-safe; allocates nothing per frame.
 */
final class EyelidPainter {
    private static final int BINS = 24;
    /** Height of the lid skin taken above the lash line, inter-ocular distances. */
    static final float CREASE = 0.09f;
    /** The search for the lash line (the darkest row along the lid margin) above and below the lid line, IODs. */
    private static final float LASH_ABOVE = 0.04f;
    private static final float LASH_BELOW = 0.01f;
    /** Feather of the closing edge, IODs (at least a pixel). */
    static final float EDGE = 0.02f;
    /**
     * How far past the lower lid line a fully closed lid reaches, fraction of the rest opening there (at least half
     * the widest opening, so that the corners are covered too).
     */
    static final float OVERLAP = 0.6f;
    /**
     * The most a closed lid reaches past the lower lid line, IODs: on a wide opening 60 % of it made a pouch that hung
     * well below the lower lid (the far eye of the man looking away).
     */
    static final float OVERLAP_MAX = 0.08f;
    /** Fraction of the lid (from the crease) over which the painted skin fades in. */
    private static final double TOP_FADE = 0.15;
    /** Fraction of the half-width from the middle where the lid starts fading out towards the corners. */
    private static final double CORNER_FADE = 0.93;
    /** Darkening at the closing edge of a fully closed lid, fading in from {@link #SHADE_FROM} of the lid down. */
    private static final float SHADE = 0.3f;
    private static final double SHADE_FROM = 0.5;
    /**
     * The lash line of a closed lid: the lid's own texture darkened towards the closing edge, by up to this much at
     * the edge, over {@link #LASH_BAND}. The photo's lashes carried to the edge alone read as a lid half open to the
     * face models (a pale lid over a faint seam); a closed eye's seam is its darkest line.
     */
    private static final float LASH = 0.9f;
    /** Height of the darkened lash band above the closing edge, IODs. */
    private static final float LASH_BAND = 0.04f;
    /**
     * Light on the middle of a closed lid: a closed lid is convex and faces the light, so its middle is a little
     * brighter than the stretched (recessed, open-eye) lid skin; a gain on the photo's texture, peaking half way down.
     */
    private static final float HIGHLIGHT = 0.1f;
    private static final FaceControl[] LID_CONTROLS = {FaceControl.EYE_WIDE, FaceControl.EYE_SQUINT,
            FaceControl.BROW_DOWN, FaceControl.BROW_INNER_UP, FaceControl.BROW_OUTER_UP, FaceControl.CHEEK_SQUINT,
            FaceControl.MOUTH_SMILE};

    private final FaceRig rig;
    private final byte[] rest;
    /** Per eye: sclera and iris colour, B, G, R. */
    private final float[][] sclera = new float[2][];
    private final float[][] iris = new float[2][];
    private final float[] irisRadius = new float[2];
    private final float[] refX = new float[9];
    private final float[] refY = new float[9];
    private final float[] curX = new float[9];
    private final float[] curY = new float[9];
    private final float[] creaseX = new float[9];
    private final float[] creaseY = new float[9];
    /** Rows of the source band whose mean colour the tone correction evens out. */
    private static final int TONE_ROWS = 8;
    /** Fraction of the band (from the crease) beyond which the tone correction fades out towards the lashes. */
    private static final double TONE_KEEP = 0.7;
    /** Per eye: the source band's mean colour per row (B, G, R per row), and the closed lid's target tone. */
    private final float[][] rowMean = new float[2][];
    private final float[][] tone = new float[2][];
    /** Per eye and upper-lid point: where the photo's lash line lies along the face's vertical, pixels. */
    private final float[][] lashLine = new float[2][];
    private final float[] openness = new float[9];
    private final float[] closeness = new float[9];
    private final float[] colTopX = new float[9];
    private final float[] colTopY = new float[9];
    private final float[] colBotX = new float[9];
    private final float[] colBotY = new float[9];
    private final float[] off = new float[2];
    private final float[] curveU = new float[9];
    private final float[] curveV = new float[9];
    private final float[] refV = new float[BINS + 1];
    private final float[] lidV = new float[BINS + 1];
    private final float[] creaseV = new float[BINS + 1];
    private final float[] srcTopX = new float[BINS + 1];
    private final float[] srcTopY = new float[BINS + 1];
    private final float[] srcBotX = new float[BINS + 1];
    private final float[] srcBotY = new float[BINS + 1];
    private final float[] px3 = new float[3];
    private int segK;
    private int segK1;
    private float segT;
    private final PolygonCoverage coverage = new PolygonCoverage();

    EyelidPainter(FaceRig rig, byte[] rest) {
        this.rig = rig;
        this.rest = rest;
        double iod = rig.interOcular();
        if (iod <= 0) {
            throw new IllegalStateException("degenerate rig");
        }
        for (int e = 0; e < 2; e++) {
            int centre = e == 0 ? Landmarks478.RIGHT_IRIS_CENTER : Landmarks478.LEFT_IRIS_CENTER;
            double r = 0;
            for (int k = 1; k <= 4; k++) {
                r += Math.hypot(rig.restX(centre + k) - rig.restX(centre), rig.restY(centre + k) - rig.restY(centre));
            }
            irisRadius[e] = (float) Math.max(1, r / 4);
            iris[e] = disc(rest, rig.restX(centre), rig.restY(centre), 0.6 * irisRadius[e]);
            sclera[e] = scleraColour(rest, e == 0 ? FaceMesh.RIGHT_EYE : FaceMesh.LEFT_EYE, rig.restX(centre),
                    rig.restY(centre), irisRadius[e]);
            lashLine[e] = lashLine(rest, FaceRig.LIDS[2 * e]);
            lidTone(e);
        }
    }

    /**
     * The tone a closed lid takes: per row of the source band (crease to lash line) its mean colour, and the target,
     * lit like the skin under the eye and a little like the lid skin at the crease (a closed lid faces the light
     * more than the recessed lid of an open eye, whose shadow stretched over the eye would read as an opening).
     */
    private void lidTone(int e) {
        int[] up = FaceRig.LIDS[2 * e];
        int[] lo = FaceRig.LIDS[2 * e + 1];
        int m = up.length;
        float iod = (float) rig.interOcular();
        float ax = (float) rig.axisX();
        float ay = (float) rig.axisY();
        float nx = -ay;
        float ny = ax;
        float crease = CREASE * iod;
        rowMean[e] = new float[TONE_ROWS * 3];
        for (int r = 0; r < TONE_ROWS; r++) {
            double[] acc = new double[3];
            int n = 0;
            float f = (r + 0.5f) / TONE_ROWS;
            for (int k = 1; k < m - 1; k++) {
                for (int half = 0; half < 2; half++) {
                    int k1 = half == 0 ? k : Math.min(m - 2, k + 1);
                    float lx = (rig.restX(up[k]) + rig.restX(up[k1])) / 2;
                    float ly = (rig.restY(up[k]) + rig.restY(up[k1])) / 2;
                    float lash = (lashLine[e][k] + lashLine[e][k1]) / 2;
                    float d = -crease + f * (lash + crease);
                    sampleRest(lx + nx * d, ly + ny * d);
                    for (int c = 0; c < 3; c++) {
                        acc[c] += px3[c];
                    }
                    n++;
                }
            }
            for (int c = 0; c < 3; c++) {
                rowMean[e][3 * r + c] = (float) (acc[c] / Math.max(1, n));
            }
        }
        double[] under = new double[3];
        int nu = 0;
        for (int k = 2; k <= m - 3; k++) {
            for (int step = 0; step <= 4; step++) {
                float d = (0.06f + 0.01f * step) * iod;
                sampleRest(rig.restX(lo[k]) + nx * d, rig.restY(lo[k]) + ny * d);
                for (int c = 0; c < 3; c++) {
                    under[c] += px3[c];
                }
                nu++;
            }
        }
        tone[e] = new float[3];
        for (int c = 0; c < 3; c++) {
            tone[e][c] = 0.3f * rowMean[e][c] + 0.7f * 0.95f * (float) (under[c] / nu);
        }
    }

    /**
     * Per upper-lid point, the offset along the face's vertical (pixels, down positive) of the darkest row near the
     * lid line: the photo's lashes and the shadow of the lid margin, which a closed lid brings down to its edge (not
     * the iris or a catchlight below the line). Smoothed along the lid; 0 at the corners.
     */
    private float[] lashLine(byte[] rest, int[] lid) {
        float iod = (float) rig.interOcular();
        float ax = (float) rig.axisX();
        float ay = (float) rig.axisY();
        float nx = -ay;
        float ny = ax;
        int m = lid.length;
        float[] raw = new float[m];
        int from = -(int) Math.ceil(LASH_ABOVE * iod);
        int to = (int) Math.ceil(LASH_BELOW * iod);
        for (int k = 1; k < m - 1; k++) {
            float best = Float.MAX_VALUE;
            for (int d = from; d <= to; d++) {
                float lum = 0;
                for (int side = -1; side <= 1; side++) {
                    sampleRest(rig.restX(lid[k]) + nx * d + ax * side, rig.restY(lid[k]) + ny * d + ay * side);
                    lum += 0.114f * px3[0] + 0.587f * px3[1] + 0.299f * px3[2];
                }
                if (lum < best) {
                    best = lum;
                    raw[k] = d;
                }
            }
        }
        float[] out = new float[m];
        for (int k = 1; k < m - 1; k++) {
            float sum = raw[k] * 2;
            float n = 2;
            if (k > 1) {
                sum += raw[k - 1];
                n++;
            }
            if (k < m - 2) {
                sum += raw[k + 1];
                n++;
            }
            out[k] = sum / n;
        }
        return out;
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
        int[] lower = FaceRig.LIDS[eye * 2 + 1];
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
        float ax = (float) rig.axisX();
        float ay = (float) rig.axisY();
        // The face's downward unit vector.
        float nx = -ay;
        float ny = ax;
        float iod = (float) rig.interOcular();
        float crease = CREASE * iod;
        float creaseFollow = (float) (1 - FaceRig.smooth(0, FaceRig.LID_SKIN_FALLOFF, CREASE));
        float ox = (refX[0] + refX[m - 1]) / 2;
        float oy = (refY[0] + refY[m - 1]) / 2;
        float halfW = Math.max(1f, (float) Math.hypot(refX[m - 1] - refX[0], refY[m - 1] - refY[0]) / 2);
        // Per lid point: the crease above it now (it follows the lid partly, as the warp moves the skin there), and
        // the rest photo's crease and lash line it takes its texture from.
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int k = 0; k < m; k++) {
            int i = lid[k];
            float lx = x[i];
            float ly = y[i];
            creaseX[k] = refX[k] - nx * crease + creaseFollow * (lx - refX[k]);
            creaseY[k] = refY[k] - ny * crease + creaseFollow * (ly - refY[k]);
            float restOpen = Math.max(1f, (rig.restX(lower[k]) - rig.restX(i)) * nx
                    + (rig.restY(lower[k]) - rig.restY(i)) * ny);
            float closing = MouthPainter.clamp01(((lx - refX[k]) * nx + (ly - refY[k]) * ny) / restOpen);
            float lash = lashLine[eye][k] * closing;
            openness[k] = restOpen;
            closeness[k] = closing;
            srcTopX[k] = rig.restX(i) - nx * crease;
            srcTopY[k] = rig.restY(i) - ny * crease;
            srcBotX[k] = rig.restX(i) + nx * lash;
            srcBotY[k] = rig.restY(i) + ny * lash;
            minX = Math.min(minX, Math.min(Math.min(creaseX[k], lx), refX[k]));
            maxX = Math.max(maxX, Math.max(Math.max(creaseX[k], lx), refX[k]));
            minY = Math.min(minY, Math.min(Math.min(creaseY[k], ly), refY[k]));
            maxY = Math.max(maxY, Math.max(Math.max(creaseY[k], ly), refY[k]));
        }
        float maxOpen = 0;
        for (int k = 1; k < m - 1; k++) {
            maxOpen = Math.max(maxOpen, openness[k]);
        }
        sample(refX, refY, ox, oy, ax, ay, halfW, refV);
        sample(creaseX, creaseY, ox, oy, ax, ay, halfW, creaseV);
        for (int k = 0; k < m; k++) {
            // A closing lid reaches a little past the lower lid line: it meets the lower lashes from above and
            // covers what of the eye the landmarks leave below that line.
            float over = k == 0 || k == m - 1 ? 0
                    : Math.min(OVERLAP_MAX * iod, OVERLAP * Math.max(openness[k], 0.5f * maxOpen)) * closeness[k];
            curX[k] = x[lid[k]] + nx * over;
            curY[k] = y[lid[k]] + ny * over;
            minX = Math.min(minX, curX[k]);
            maxX = Math.max(maxX, curX[k]);
            minY = Math.min(minY, curY[k]);
            maxY = Math.max(maxY, curY[k]);
        }
        sampleColumns(curX, curY, ox, oy, ax, ay, halfW);
        int centre = eye == 0 ? Landmarks478.RIGHT_IRIS_CENTER : Landmarks478.LEFT_IRIS_CENTER;
        float icx = x[centre];
        float icy = y[centre];
        float ir = irisRadius[eye];
        float[] sc = sclera[eye];
        float[] ic = iris[eye];
        int w = rig.plateWidth();
        int h = rig.plateHeight();
        float feather = Math.max(1f, EDGE * iod);
        int x0 = Math.max(0, (int) Math.floor(minX - feather - 1));
        int y0 = Math.max(0, (int) Math.floor(minY - feather - 1));
        int x1 = Math.min(w - 1, (int) Math.ceil(maxX + feather + 1));
        int y1 = Math.min(h - 1, (int) Math.ceil(maxY + feather + 1));
        if (x1 < x0 || y1 < y0) {
            return;
        }
        for (int py = y0; py <= y1; py++) {
            float dy = py + 0.5f - oy;
            for (int px = x0; px <= x1; px++) {
                float dx = px + 0.5f - ox;
                float u = dx * ax + dy * ay;
                float across = Math.abs(u) / halfW;
                if (across >= 1f) {
                    continue;
                }
                float v = -dx * ay + dy * ax;
                float fb = (u / halfW + 1) * 0.5f * BINS;
                int b = Math.min(BINS - 1, (int) fb);
                float t = fb - b;
                float vRef = refV[b] + t * (refV[b + 1] - refV[b]);
                float vLid = lidV[b] + t * (lidV[b + 1] - lidV[b]);
                float span = vLid - vRef;
                int o = (py * w + px) * 3;
                if (span > 0) { // closing: the lid skin from the crease down, stretched, its lashes at the edge
                    float vTop = creaseV[b] + t * (creaseV[b + 1] - creaseV[b]);
                    float height = vLid - vTop;
                    if (height <= 0.5f || v < vTop || v > vLid + feather) {
                        continue;
                    }
                    float f = (v - vTop) / height;
                    // Fades in below the crease (where the warp's skin takes over) and at the corners; the edge
                    // over the eye is feathered over a pixel or two, like the photo's own soft edges.
                    float a = (float) FaceRig.smooth(0, TOP_FADE, f)
                            * (1 - (float) FaceRig.smooth(CORNER_FADE, 1, across))
                            * MouthPainter.clamp01((vLid - v) / feather + 0.5f)
                            * MouthPainter.clamp01(span);
                    if (a <= 0f) {
                        continue;
                    }
                    float s = Math.min(1f, f);
                    float stx = srcTopX[b] + t * (srcTopX[b + 1] - srcTopX[b]);
                    float sty = srcTopY[b] + t * (srcTopY[b + 1] - srcTopY[b]);
                    float sbx = srcBotX[b] + t * (srcBotX[b + 1] - srcBotX[b]);
                    float sby = srcBotY[b] + t * (srcBotY[b + 1] - srcBotY[b]);
                    // The lid curves away into the seam: a soft shade towards the lashes.
                    float closedW = MouthPainter.clamp01(span / height);
                    float fc = Math.min(1f, f);
                    float lashBand = Math.max(1f, LASH_BAND * iod);
                    float shade = (1 - SHADE * (float) FaceRig.smooth(SHADE_FROM, 1, f) * closedW)
                            * (1 - LASH * closedW * MouthPainter.clamp01(1 - (vLid - v) / lashBand))
                            * (1 + HIGHLIGHT * 4 * fc * (1 - fc) * closedW);
                    sampleRest(stx + s * (sbx - stx), sty + s * (sby - sty));
                    // The lid's tone evened out towards a closed lid's (its texture kept), less so near the lashes.
                    float rf = Math.max(0f, Math.min(TONE_ROWS - 1.001f, s * TONE_ROWS - 0.5f));
                    int r = (int) rf;
                    float rt = rf - r;
                    float toneW = (1 - (float) FaceRig.smooth(TONE_KEEP, 0.95, s)) * MouthPainter.clamp01(span / height);
                    float[] rm = rowMean[eye];
                    float[] tn = tone[eye];
                    for (int ch = 0; ch < 3; ch++) {
                        float mean = rm[3 * r + ch] + rt * (rm[3 * (r + 1) + ch] - rm[3 * r + ch]);
                        float gain = Math.max(0.7f, Math.min(1.4f, tn[ch] / Math.max(1f, mean)));
                        px3[ch] = Math.min(255f, px3[ch] * shade * (1 + toneW * (gain - 1)));
                    }
                    dst[o] = MouthPainter.blend(dst[o], px3[0], a);
                    dst[o + 1] = MouthPainter.blend(dst[o + 1], px3[1], a);
                    dst[o + 2] = MouthPainter.blend(dst[o + 2], px3[2], a);
                } else if (span < 0) { // opening: sclera or iris, shadowed under the lid, fading into the eye below
                    if (v < vLid - 0.5f || v > vRef) {
                        continue;
                    }
                    float f = MouthPainter.clamp01((v - vLid) / Math.max(0.5f, -span));
                    float a = (1 - (float) FaceRig.smooth(0.6, 1, f)) * MouthPainter.clamp01(v - vLid + 0.5f)
                            * MouthPainter.clamp01(-span);
                    float di = (float) Math.hypot(px + 0.5f - icx, py + 0.5f - icy);
                    float inIris = MouthPainter.clamp01(ir - di + 0.5f);
                    float sh = 0.72f + 0.28f * (float) FaceRig.smooth(0, 0.6, f);
                    if (a <= 0f) {
                        continue;
                    }
                    dst[o] = MouthPainter.blend(dst[o], (sc[0] + inIris * (ic[0] - sc[0])) * sh, a);
                    dst[o + 1] = MouthPainter.blend(dst[o + 1], (sc[1] + inIris * (ic[1] - sc[1])) * sh, a);
                    dst[o + 2] = MouthPainter.blend(dst[o + 2], (sc[2] + inIris * (ic[2] - sc[2])) * sh, a);
                }
            }
        }
        AnimatedPlate.grow(dirty, x0, y0, x1, y1);
    }

    /** Bilinear sample of the rest plate at image point (fx, fy) (pixel centres at +0.5) into {@link #px3}. */
    private void sampleRest(float fx, float fy) {
        int w = rig.plateWidth();
        float sx = Math.max(0f, Math.min(w - 1.001f, fx - 0.5f));
        float sy = Math.max(0f, Math.min(rig.plateHeight() - 1.001f, fy - 0.5f));
        int ix = (int) sx;
        int iy = (int) sy;
        float tx = sx - ix;
        float ty = sy - iy;
        int ix1 = Math.min(w - 1, ix + 1);
        int iy1 = Math.min(rig.plateHeight() - 1, iy + 1);
        int o00 = (iy * w + ix) * 3;
        int o01 = (iy * w + ix1) * 3;
        int o10 = (iy1 * w + ix) * 3;
        int o11 = (iy1 * w + ix1) * 3;
        for (int ch = 0; ch < 3; ch++) {
            float top = (rest[o00 + ch] & 0xFF) + tx * ((rest[o01 + ch] & 0xFF) - (rest[o00 + ch] & 0xFF));
            float bot = (rest[o10 + ch] & 0xFF) + tx * ((rest[o11 + ch] & 0xFF) - (rest[o10 + ch] & 0xFF));
            px3[ch] = top + ty * (bot - top);
        }
    }

    /**
     * Samples the current lid curve into {@link #lidV} and, at the same place along the lid, the source columns
     * (crease and lash line of the rest photo) into {@link #srcTopX} ... {@link #srcBotY}, reusing those arrays'
     * per-point values first.
     */
    private void sampleColumns(float[] xs, float[] ys, float ox, float oy, float ax, float ay, float halfW) {
        int m = xs.length;
        for (int k = 0; k < m; k++) {
            float dx = xs[k] - ox;
            float dy = ys[k] - oy;
            curveU[k] = dx * ax + dy * ay;
            curveV[k] = -dx * ay + dy * ax;
            colTopX[k] = srcTopX[k];
            colTopY[k] = srcTopY[k];
            colBotX[k] = srcBotX[k];
            colBotY[k] = srcBotY[k];
        }
        boolean reversed = curveU[0] > curveU[m - 1];
        for (int b = 0; b <= BINS; b++) {
            float uu = -halfW + 2 * halfW * b / BINS;
            lidV[b] = interpolate(uu, m, reversed);
            int k0 = segK;
            int k1 = segK1;
            float t = segT;
            srcTopX[b] = colTopX[k0] + t * (colTopX[k1] - colTopX[k0]);
            srcTopY[b] = colTopY[k0] + t * (colTopY[k1] - colTopY[k0]);
            srcBotX[b] = colBotX[k0] + t * (colBotX[k1] - colBotX[k0]);
            srcBotY[b] = colBotY[k0] + t * (colBotY[k1] - colBotY[k0]);
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

    /**
     * The curve's v at {@code uu}; the lid runs outer to inner corner, so it may run right to left. Leaves the
     * segment's ends and fraction in {@link #segK}, {@link #segK1}, {@link #segT}.
     */
    private float interpolate(float uu, int m, boolean reversed) {
        for (int s = 1; s < m; s++) {
            int k0 = reversed ? m - s : s - 1;
            int k1 = reversed ? m - s - 1 : s;
            float u0 = curveU[k0];
            float u1 = curveU[k1];
            if (uu <= u1 || s == m - 1) {
                segK = k0;
                segK1 = k1;
                if (uu <= u0) {
                    segT = 0;
                    return curveV[k0];
                }
                float sp = u1 - u0;
                float t = sp <= 1e-6f ? 1 : Math.min(1, (uu - u0) / sp);
                segT = t;
                return curveV[k0] + t * (curveV[k1] - curveV[k0]);
            }
        }
        segK = m - 1;
        segK1 = m - 1;
        segT = 0;
        return curveV[m - 1];
    }
}
