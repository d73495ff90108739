package ai.gaga.rig;

import ai.gaga.face.Images;

import java.util.Random;

/**
 * Paints what an opening mouth shows inside the deformed inner-lip polygon, blended in as the mouth opens beyond its
 * rest opening. Where the photo showed its own teeth and interior ({@link MouthInterior}, kept by the
 * {@link NeutralRest} before it closed the lips, or the rest plate's own open mouth), those pixels come back: the
 * upper part of the photo's opening rides on the upper lip (upper teeth), the lower part on the lower lip, and what a
 * wider opening uncovers between them is the dark of the mouth. Otherwise a shaded interior: a cavity darker towards
 * the throat and the corners, upper teeth with their own widths, rounded edges, gaps, a gum line and the upper lip's
 * shadow, lower teeth mostly hidden behind the lower lip and a tongue with its own shading; colours from the photo
 * (lips, the whites of the eyes for the teeth). The painted layer is blurred to the sharpness of the photo's own lip
 * edge and takes grain matched to the skin around the mouth, with an anti-aliased, equally soft lip edge, so it never
 * looks sharper or cleaner than the photo. Not thread-safe; allocates nothing per frame once its buffers have grown
 * to the largest opening.
 */
final class MouthPainter {
    private static final int BINS = 32;
    /** Opening beyond rest (inter-ocular units) at which the painted interior is fully opaque. */
    private static final double FADE_IN = 0.03;
    private static final int[][] PAIRS = {{13, 14}, {82, 87}, {312, 317}};
    /** Curve samples per inner-lip segment: 20 landmarks make a visibly faceted outline on a close-up. */
    private static final int SMOOTH = 4;
    /** Channels of the painted layer: B, G, R, coverage. */
    private static final int CH = 4;
    /** Upper teeth along the dental arch (inter-ocular units from the midline): boundaries and relative lengths. */
    private static final float[] TOOTH_EDGE = {0, 0.13f, 0.235f, 0.35f, 0.455f, 0.56f, 0.66f, 1.5f};
    private static final float[] TOOTH_LENGTH = {1f, 0.86f, 0.93f, 0.8f, 0.74f, 0.68f, 0.6f};
    /** Radius of the dental arch, inter-ocular units. */
    private static final float ARCH = 0.4f;
    private static final int NOISE = 128;
    /** How much of the lips' tint light bounced into the mouth gives fully shaded teeth. */
    private static final float BOUNCE = 0.6f;
    /** Unit-variance grain (lightly correlated, like a photo's) and its Laplacian's variance. */
    private static final float[] GRAIN = new float[NOISE * NOISE];
    private static final double GRAIN_LAPLACIAN;

    static {
        Random random = new Random(20261207L);
        float[] white = new float[NOISE * NOISE];
        for (int i = 0; i < white.length; i++) {
            white[i] = (float) random.nextGaussian();
        }
        // [1 2 1] / 4 both ways (wrapping), then back to unit variance.
        float[] tmp = new float[white.length];
        for (int y = 0; y < NOISE; y++) {
            for (int x = 0; x < NOISE; x++) {
                tmp[y * NOISE + x] = (white[y * NOISE + (x + NOISE - 1) % NOISE] + 2 * white[y * NOISE + x]
                        + white[y * NOISE + (x + 1) % NOISE]) / 4;
            }
        }
        double s2 = 0;
        for (int y = 0; y < NOISE; y++) {
            for (int x = 0; x < NOISE; x++) {
                float v = (tmp[((y + NOISE - 1) % NOISE) * NOISE + x] + 2 * tmp[y * NOISE + x]
                        + tmp[((y + 1) % NOISE) * NOISE + x]) / 4;
                GRAIN[y * NOISE + x] = v;
                s2 += v * v;
            }
        }
        float k = (float) (1 / Math.sqrt(s2 / GRAIN.length));
        double l2 = 0;
        for (int i = 0; i < GRAIN.length; i++) {
            GRAIN[i] *= k;
        }
        for (int y = 0; y < NOISE; y++) {
            for (int x = 0; x < NOISE; x++) {
                double l = GRAIN[((y + NOISE - 1) % NOISE) * NOISE + x] + GRAIN[((y + 1) % NOISE) * NOISE + x]
                        + GRAIN[y * NOISE + (x + NOISE - 1) % NOISE] + GRAIN[y * NOISE + (x + 1) % NOISE]
                        - 4 * GRAIN[y * NOISE + x];
                l2 += l * l;
            }
        }
        GRAIN_LAPLACIAN = l2 / GRAIN.length;
    }

    private final FaceRig rig;
    private final float iod;
    private final double restAperture;
    private final MouthInterior interior;
    /** Colours, B, G, R: teeth, lip, gum, tongue. */
    private final float[] teeth;
    private final float[] lip;
    private final float[] tongue;
    /** The lips' colour at unit luma (B, G, R): the tint of light bounced around inside the mouth. */
    private final float[] bounce;
    /** Blur matched to the photo's lip edge (sigma, pixels) and its kernel. */
    private final double blurSigma;
    private final float[] kernel;
    private final int radius;
    /** Plate pixels per layer texel (1, or 2 on a soft photo). */
    private final int sub;
    /** Grain standard deviation (luma levels) matched to the skin around the mouth. */
    private final float grain;
    /** Grain texels per plate pixel: 1, or the photo pixel's size on an enlarged plate. */
    private final float grainStep;
    private final double skinLaplacian;
    /** Whether the photo is black and white around the mouth (the painted colours then go grey). */
    private final boolean mono;
    private final double lipEdge;
    private final float[] polyX = new float[FaceRigIndex.INNER_LIP.length];
    private final float[] polyY = new float[FaceRigIndex.INNER_LIP.length];
    private final float[] smoothX = new float[FaceRigIndex.INNER_LIP.length * SMOOTH];
    private final float[] smoothY = new float[FaceRigIndex.INNER_LIP.length * SMOOTH];
    private final Curve curve = new Curve();
    private final float[] upV = new float[BINS + 1];
    private final float[] loV = new float[BINS + 1];
    private final PolygonCoverage coverage = new PolygonCoverage();
    private final float[] px3 = new float[3];
    private float[] layer = new float[0];
    private float[] pass = new float[0];
    private float[] blurred = new float[0];
    /** The shaded colour of one pixel, B, G, R. */
    private float sb;
    private float sg;
    private float sr;
    /** How far the opening is the upper lip raised off closed teeth (0: the jaw's, 1: the lip's), this paint. */
    private float raise;
    /** The rest distance (inter-ocular units) from the nose's base to the upper inner lip. */
    private final double restLipToNose;

    MouthPainter(FaceRig rig, byte[] rest) {
        this(rig, rest, null, 1);
    }

    /**
     * A painter for {@code rig} over its rest plate {@code rest}; {@code photoInterior} is the interior the photo
     * showed before its lips were closed for the rest, or null to take the rest plate's own (when its lips are apart);
     * {@code photoScale} plate pixels per photo pixel (an enlarged photo's grain is coarser than a pixel).
     */
    MouthPainter(FaceRig rig, byte[] rest, MouthInterior photoInterior, double photoScale) {
        this.rig = rig;
        this.grainStep = photoScale > 1.05 ? (float) (1 / photoScale) : 1f;
        this.iod = (float) rig.interOcular();
        int n = rig.pointCount();
        float[] rx = new float[n];
        float[] ry = new float[n];
        for (int i = 0; i < n; i++) {
            rx[i] = rig.restX(i);
            ry[i] = rig.restY(i);
        }
        restAperture = aperture(rx, ry);
        restLipToNose = lipToNose(rx, ry);
        // The photo's own interior only where it shows teeth over a tooth's depth: a dark slit between the lips
        // stretched over a wide opening is a black hole, the shaded interior looks more like a mouth.
        MouthInterior own = photoInterior != null ? photoInterior : MouthInterior.capture(rig, rest);
        interior = own != null && own.teeth != null && own.depth >= MouthInterior.TEETH_DEPTH ? own : null;
        int w = rig.plateWidth();
        int h = rig.plateHeight();
        // A black-and-white photo gets a grey mouth: the painted tongue, gums and teeth tints are colours.
        float mx0 = Math.min(rx[61], rx[291]) - 0.3f * iod;
        float mx1 = Math.max(rx[61], rx[291]) + 0.3f * iod;
        float my0 = Math.min(ry[0], ry[17]) - 0.25f * iod;
        float my1 = Math.max(ry[0], ry[17]) + 0.25f * iod;
        mono = Images.isMonochrome(rest, w, (int) Math.floor(mx0), (int) Math.floor(my0),
                Math.min(w, (int) Math.ceil(mx1)), Math.min(h, (int) Math.ceil(my1)));
        double[] lipC = lipColour(rig, rest, rx, ry);
        lip = new float[] {(float) lipC[0], (float) lipC[1], (float) lipC[2]};
        double lipL = Math.max(1, lipC[3]);
        bounce = new float[] {(float) (lipC[0] / lipL), (float) (lipC[1] / lipL), (float) (lipC[2] / lipL)};
        tongue = new float[] {(float) (0.75 * lipC[0] + 0.25 * 150), (float) (0.75 * lipC[1] + 0.25 * 140),
                (float) Math.min(255, 1.1 * (0.75 * lipC[2] + 0.25 * 215))};
        if (interior != null && interior.teeth != null) {
            teeth = interior.teeth.clone();
        } else {
            teeth = teethFromEyes(rest, w, h, rx, ry);
        }
        // Skin texture around the mouth: chin under the lower lip and the cheeks beside the corners.
        skinLaplacian = skinLaplacian(rest, w, h, rx, ry, iod);
        double rho = PlateMeasures.lipEdgeSharpness(rest, w, h, rx, ry, 0.75);
        lipEdge = rho;
        double sigmaPhoto = Double.isNaN(rho) ? 0.8 : PlateMeasures.sigmaForSharpness(rho);
        // The painted layer's own edges are anti-aliased (about a box of one pixel, sigma 0.3).
        blurSigma = Math.max(0, Math.min(2.5, Math.sqrt(Math.max(0, sigmaPhoto * sigmaPhoto - 0.09))));
        // A soft (enlarged) photo: the layer is painted and blurred at half resolution, then enlarged.
        sub = blurSigma >= 1.4 ? 2 : 1;
        double sigmaLayer = blurSigma / sub;
        radius = sigmaLayer < 0.2 ? 0 : (int) Math.ceil(2.5 * sigmaLayer);
        kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            double v = radius == 0 ? 1 : Math.exp(-k * k / (2 * sigmaLayer * sigmaLayer));
            kernel[k + radius] = (float) v;
            sum += v;
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= (float) sum;
        }
        // Grain with half the skin's high-frequency energy (what is painted brings the rest), as coarse as the
        // photo's pixels on this plate.
        double grainLaplacian = GRAIN_LAPLACIAN;
        if (grainStep < 1f) {
            double s1 = 0;
            double s2 = 0;
            int cnt = 0;
            for (int yy = 1; yy < 95; yy++) {
                for (int xx = 1; xx < 95; xx++) {
                    double l = grainAt(xx - 1, yy) + grainAt(xx + 1, yy) + grainAt(xx, yy - 1) + grainAt(xx, yy + 1)
                            - 4 * grainAt(xx, yy);
                    s1 += l;
                    s2 += l * l;
                    cnt++;
                }
            }
            grainLaplacian = Math.max(1e-4, s2 / cnt - (s1 / cnt) * (s1 / cnt));
        }
        grain = Double.isNaN(skinLaplacian) ? 1f
                : (float) Math.min(12, Math.sqrt(0.5 * skinLaplacian / grainLaplacian));
    }

    /** Whether the photo shows teeth (which then come back as the mouth opens). */
    boolean photoShowsTeeth() {
        return interior != null && interior.teeth != null;
    }

    /** Whether the photo's own interior is painted (else a shaded one). */
    boolean usesPhotoInterior() {
        return interior != null;
    }

    /** Blur (sigma, plate pixels), grain (luma levels), skin Laplacian variance and the photo's lip-edge sharpness. */
    double[] texture() {
        return new double[] {blurSigma, grain, skinLaplacian, lipEdge};
    }

    /**
     * Distance across the eye line from the base of the nose (point 2) to the upper inner lip (13, 82, 312),
     * inter-ocular units.
     */
    double lipToNose(float[] x, float[] y) {
        double ax = rig.axisX();
        double ay = rig.axisY();
        double s = 0;
        for (int i : new int[] {13, 82, 312}) {
            s += -(x[i] - x[2]) * ay + (y[i] - y[2]) * ax;
        }
        return s / 3 / rig.interOcular();
    }

    /**
     * How much of the opening is the upper lip raised (towards the nose) rather than the jaw lowered: 0 for a jaw
     * opening, 1 for an upper lip raised by 0.045 inter-ocular distances or more over closed teeth.
     */
    float raise(float[] x, float[] y) {
        double lift = restLipToNose - lipToNose(x, y);
        double jaw = aperture(x, y) - restAperture - Math.max(0, lift);
        return smooth(0.015f, 0.045f, (float) lift) * (1 - smooth(0.06f, 0.15f, (float) jaw));
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
        int h = rig.plateHeight();
        raise = raise(x, y);
        for (int k = 0; k < polyX.length; k++) {
            polyX[k] = x[FaceRigIndex.INNER_LIP[k]];
            polyY[k] = y[FaceRigIndex.INNER_LIP[k]];
        }
        smooth();
        coverage.rasterize(smoothX, smoothY, smoothX.length, w, h);
        if (coverage.w == 0) {
            return false;
        }
        int m = (radius + 1) * sub + 1;
        int bx0 = Math.max(0, coverage.x0 - m);
        int by0 = Math.max(0, coverage.y0 - m);
        int bx1 = Math.min(w - 1, coverage.x0 + coverage.w - 1 + m);
        int by1 = Math.min(h - 1, coverage.y0 + coverage.h - 1 + m);
        int bw = bx1 - bx0 + 1;
        int bh = by1 - by0 + 1;
        int lw = (bw + sub - 1) / sub + 1;
        int lh = (bh + sub - 1) / sub + 1;
        if (layer.length < lw * lh * CH) {
            layer = new float[lw * lh * CH * 3 / 2];
            pass = new float[layer.length];
            blurred = new float[layer.length];
        }
        float ax = (float) rig.axisX();
        float ay = (float) rig.axisY();
        float mcx = (x[78] + x[308]) / 2;
        float mcy = (y[78] + y[308]) / 2;
        float halfW = Math.max(1f, (float) Math.hypot(x[308] - x[78], y[308] - y[78]) / 2);
        curve.sample(FaceRig.INNER_UPPER_FULL, x, y, mcx, mcy, ax, ay, halfW, upV, BINS);
        curve.sample(FaceRig.INNER_LOWER_FULL, x, y, mcx, mcy, ax, ay, halfW, loV, BINS);
        float perTexel = 1f / (sub * sub);
        for (int yy = 0; yy < lh; yy++) {
            int py = by0 + yy * sub;
            for (int xx = 0; xx < lw; xx++) {
                int px = bx0 + xx * sub;
                float c = 0;
                for (int sy = 0; sy < sub; sy++) {
                    int cy = py + sy - coverage.y0;
                    for (int sx = 0; sx < sub; sx++) {
                        int cx = px + sx - coverage.x0;
                        if (cx >= 0 && cy >= 0 && cx < coverage.w && cy < coverage.h) {
                            c += coverage.cov[cy * coverage.w + cx];
                        }
                    }
                }
                c *= perTexel;
                float dx = px + 0.5f * sub - mcx;
                float dy = py + 0.5f * sub - mcy;
                float u = dx * ax + dy * ay;
                float v = -dx * ay + dy * ax;
                float un = Math.max(-1f, Math.min(1f, u / halfW));
                float fb = (un + 1) * 0.5f * BINS;
                int b = Math.min(BINS - 1, (int) fb);
                float t = fb - b;
                shade(u, v, un, upV[b] + t * (upV[b + 1] - upV[b]), loV[b] + t * (loV[b + 1] - loV[b]), tongueUp);
                int o = (yy * lw + xx) * CH;
                layer[o] = sb;
                layer[o + 1] = sg;
                layer[o + 2] = sr;
                layer[o + 3] = c;
            }
        }
        float[] out = layer;
        if (radius > 0) {
            blur(lw, lh);
            out = blurred;
        }
        float a0 = (float) alpha0;
        float inv = 1f / sub;
        for (int yy = 0; yy < bh; yy++) {
            int py = by0 + yy;
            float fy = Math.max(0, Math.min(lh - 1.001f, (yy + 0.5f) * inv - 0.5f));
            int ty = (int) fy;
            float wy = fy - ty;
            for (int xx = 0; xx < bw; xx++) {
                float fx = Math.max(0, Math.min(lw - 1.001f, (xx + 0.5f) * inv - 0.5f));
                int tx = (int) fx;
                float wx = fx - tx;
                int o00 = (ty * lw + tx) * CH;
                int o01 = o00 + CH;
                int o10 = o00 + lw * CH;
                int o11 = o10 + CH;
                float w00 = (1 - wx) * (1 - wy);
                float w01 = wx * (1 - wy);
                float w10 = (1 - wx) * wy;
                float w11 = wx * wy;
                float a = (w00 * out[o00 + 3] + w01 * out[o01 + 3] + w10 * out[o10 + 3] + w11 * out[o11 + 3]) * a0;
                if (a <= 0.002f) {
                    continue;
                }
                int px = bx0 + xx;
                // Blurred to the photo's sharpness (its own teeth too: their edges are harder than a lip's), so
                // grain matched to the skin's goes on all of it.
                float g = grain * grainAt(px, py);
                float cb = w00 * out[o00] + w01 * out[o01] + w10 * out[o10] + w11 * out[o11] + g;
                float cg = w00 * out[o00 + 1] + w01 * out[o01 + 1] + w10 * out[o10 + 1] + w11 * out[o11 + 1] + g;
                float cr = w00 * out[o00 + 2] + w01 * out[o01 + 2] + w10 * out[o10 + 2] + w11 * out[o11 + 2] + g;
                if (mono) {
                    float l = 0.114f * cb + 0.587f * cg + 0.299f * cr;
                    cb = l;
                    cg = l;
                    cr = l;
                }
                int d = (py * w + px) * 3;
                dst[d] = blend(dst[d], cb, a);
                dst[d + 1] = blend(dst[d + 1], cg, a);
                dst[d + 2] = blend(dst[d + 2], cr, a);
            }
        }
        AnimatedPlate.grow(dirty, bx0, by0, bx1, by1);
        return true;
    }

    /**
     * The colour at mouth-frame (u, v) (pixels from the mouth centre along and across the eye line), {@code un} the
     * normalised u, between the inner lips at {@code vUp} and {@code vLo}, into {@link #sb}, {@link #sg},
     * {@link #sr}.
     */
    private void shade(float u, float v, float un, float vUp, float vLo, float tongueUp) {
        float open = Math.max(0.5f, vLo - vUp);
        float dUp = v - vUp;
        float dLo = vLo - v;
        float side = Math.abs(un);
        float s2 = side * side;
        float ui = u / iod;
        // Cavity: lit mucosa near the lips, dark towards the throat and into the corners.
        float deep = smooth(0f, 0.09f * iod, Math.min(dUp, dLo));
        float corner = 1 - 0.65f * smooth(0.45f, 1f, side);
        float bright = (0.45f - 0.28f * deep) * corner;
        float cb = lip[0] * bright;
        float cg = lip[1] * bright * 0.95f;
        float cr = lip[2] * bright;
        float openI = open / iod;
        // Tongue: a dome low in the mouth, lit at its front, darker to the back and sides, a faint groove.
        float tH = open * (0.3f + 0.35f * tongueUp) * (1 - 0.55f * s2);
        float tTop = vLo - tH;
        float ta = clamp01((v - tTop) / 1.5f + 0.5f) * (1 - smooth(0.55f, 0.9f, side))
                * clamp01((openI - 0.05f) / 0.06f);
        if (ta > 0) {
            float front = clamp01((v - tTop) / Math.max(1f, tH));
            float tb = (0.5f + 0.4f * front) * (1 - 0.5f * s2)
                    * (1 - 0.18f * bump(ui * ui / (0.025f * 0.025f)));
            cb += ta * (tongue[0] * tb - cb);
            cg += ta * (tongue[1] * tb - cg);
            cr += ta * (tongue[2] * tb - cr);
        }
        // Lower incisors: only their tips above the lower lip, in the upper teeth's shadow.
        float lowH = Math.min(0.03f * iod, 0.15f * open) * (1 - 0.6f * s2);
        float la = clamp01(v - (vLo - lowH) + 0.5f) * (1 - smooth(0.3f, 0.55f, side))
                * clamp01((openI - 0.08f) / 0.08f);
        if (la > 0) {
            float f = ui / 0.075f + 0.5f;
            f -= (float) Math.floor(f);
            float gapPx = Math.min(f, 1 - f) * 0.075f * iod;
            float gw = Math.max(0.7f, 0.01f * iod);
            float sh = 0.5f * (1 - 0.5f * s2) * clamp01(openI / 0.16f)
                    * (1 - 0.3f * Math.min(1f, 0.01f * iod) * bump(gapPx * gapPx / (gw * gw)));
            cb += la * (teeth[0] * sh - cb);
            cg += la * (teeth[1] * sh - cg);
            cr += la * (teeth[2] * sh - cr);
        }
        if (interior == null) {
            // Upper teeth along the dental arch: their own widths, convex, dark gaps, rounded incisal corners.
            float sArc = ARCH * asin(Math.max(-0.98f, Math.min(0.98f, ui / ARCH)));
            float as = Math.abs(sArc);
            int k = 0;
            while (k < TOOTH_LENGTH.length - 1 && as >= TOOTH_EDGE[k + 1]) {
                k++;
            }
            float tw = TOOTH_EDGE[k + 1] - TOOTH_EDGE[k];
            float f = clamp01((as - TOOTH_EDGE[k]) / tw);
            float z = ui / ARCH;
            float foreshorten = (float) Math.sqrt(Math.max(0.04f, 1 - z * z)); // cos(asin(z))
            float widthPx = tw * iod * foreshorten;
            float arc = as / 0.66f;
            float len = 0.1f * iod * TOOTH_LENGTH[k] * (1 - 0.3f * arc * arc);
            float e = 2 * f - 1;
            float bottom = vUp + len * (1 - 0.1f * e * e * e * e * e * e);
            // A raised upper lip bares the front of teeth that stay closed: they reach down to the lower lip.
            bottom += raise * Math.max(0, vLo + 1 - bottom);
            float ua = clamp01(bottom - v + 0.5f) * (1 - smooth(0.8f, 1f, side));
            if (ua > 0) {
                float arch = 4 * f * (1 - f); // about sin(pi f)
                float convex = 0.88f + 0.12f * arch;
                // The gap between two teeth is about a hundredth of the eye distance: a faint line on a small face.
                float gapPx = Math.min(f, 1 - f) * widthPx;
                float gw = Math.max(0.6f, 0.006f * iod);
                float gap = 1 - 0.22f * Math.min(1f, 0.008f * iod) * bump(gapPx * gapPx / (gw * gw));
                float shadow = 0.5f + 0.5f * clamp01(dUp / (0.035f * iod));
                shadow += 0.7f * raise * (1 - shadow);
                float recede = 1 - 0.7f * smooth(0.12f, 0.62f, as);
                // A narrow opening lets little light in: the teeth are dim until the mouth opens wide.
                float light = 0.45f + 0.55f * clamp01(openI / 0.16f);
                // Teeth bared by a raised lip are at the front of the mouth, lit like the lips.
                light += raise * (1 - light);
                float sh = convex * gap * shadow * recede * light;
                // The incisal edge is thinner, a little translucent: greyer and darker.
                float edge = clamp01(1 - (bottom - v) / (0.015f * iod));
                // What light reaches teeth in shadow has bounced off the lips, gums and tongue: the deeper the
                // shade, the more of their red it carries (neutral shadows read grey-green beside warm skin).
                float warm = BOUNCE * (1 - sh);
                float tb = teeth[0] * sh * (1 - 0.12f * edge) * (1 + warm * (bounce[0] - 1));
                float tg = teeth[1] * sh * (1 - 0.16f * edge) * (1 + warm * (bounce[1] - 1));
                float tr = teeth[2] * sh * (1 - 0.2f * edge) * (1 + warm * (bounce[2] - 1));
                // Gum line: scalloped, higher between the teeth, in the lip's shadow.
                float gumH = 0.012f * iod * (0.4f + 1.1f * (1 - arch));
                float ga = clamp01(gumH - dUp + 0.5f) * 0.85f;
                tb += ga * (lip[0] * 0.8f * shadow - tb);
                tg += ga * (lip[1] * 0.72f * shadow - tg);
                tr += ga * (lip[2] * 0.85f * shadow - tr);
                cb += ua * (tb - cb);
                cg += ua * (tg - cg);
                cr += ua * (tr - cr);
            }
        }
        float photo = 0;
        if (interior != null) {
            // The photo's own teeth and interior: the upper part rides on the upper lip, the lower on the lower lip.
            float rOpen = interior.openAt(ui);
            float dUpI = dUp / iod;
            float dLoI = dLo / iod;
            // A raised upper lip over closed teeth bares the upper teeth down to the lower lip.
            float upShare = 0.55f * rOpen + raise * Math.max(0, openI + 0.01f - 0.55f * rOpen);
            float pu = clamp01((upShare - dUpI) * iod + 0.5f) * clamp01(dUp + 1.5f);
            float pl = clamp01((0.45f * rOpen - dLoI) * iod + 0.5f) * clamp01(dLo + 1.5f);
            if (pu > 0) {
                interior.sample(ui, Math.max(0, dUpI), px3);
                photo = pu;
            } else if (pl > 0) {
                interior.sample(ui, Math.max(0, rOpen - dLoI), px3);
                photo = pl;
            }
            if (photo > 0) {
                cb += photo * (px3[0] - cb);
                cg += photo * (px3[1] - cg);
                cr += photo * (px3[2] - cr);
            }
        }
        // The inner edge of the lips (wet, in shadow) over what lies behind them: no hard lip-to-teeth line.
        float band = 1 - clamp01(Math.min(dUp, dLo) / (0.014f * iod + 0.5f));
        float ba = 0.5f * band * band * (1 - 0.6f * raise);
        cb += ba * (lip[0] * 0.6f - cb);
        cg += ba * (lip[1] * 0.55f - cg);
        cr += ba * (lip[2] * 0.6f - cr);
        sb = cb;
        sg = cg;
        sr = cr;
    }

    /** The grain at a plate pixel: the table tiled, bilinearly enlarged on an enlarged plate. */
    private float grainAt(int px, int py) {
        if (grainStep >= 1f) {
            return GRAIN[(py & (NOISE - 1)) * NOISE + (px & (NOISE - 1))];
        }
        float gx = px * grainStep;
        float gy = py * grainStep;
        int ix = (int) gx;
        int iy = (int) gy;
        float fx = gx - ix;
        float fy = gy - iy;
        int x0 = ix & (NOISE - 1);
        int x1 = (ix + 1) & (NOISE - 1);
        int y0 = (iy & (NOISE - 1)) * NOISE;
        int y1 = ((iy + 1) & (NOISE - 1)) * NOISE;
        float top = GRAIN[y0 + x0] + fx * (GRAIN[y0 + x1] - GRAIN[y0 + x0]);
        float bot = GRAIN[y1 + x0] + fx * (GRAIN[y1 + x1] - GRAIN[y1 + x0]);
        return top + fy * (bot - top);
    }

    /** Separable Gaussian blur of {@link #layer} into {@link #blurred} (edges clamped). */
    private void blur(int bw, int bh) {
        for (int yy = 0; yy < bh; yy++) {
            int row = yy * bw;
            for (int xx = 0; xx < bw; xx++) {
                int o = (row + xx) * CH;
                for (int ch = 0; ch < CH; ch++) {
                    float s = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int xk = Math.max(0, Math.min(bw - 1, xx + k));
                        s += kernel[k + radius] * layer[(row + xk) * CH + ch];
                    }
                    pass[o + ch] = s;
                }
            }
        }
        for (int yy = 0; yy < bh; yy++) {
            for (int xx = 0; xx < bw; xx++) {
                int o = (yy * bw + xx) * CH;
                for (int ch = 0; ch < CH; ch++) {
                    float s = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int yk = Math.max(0, Math.min(bh - 1, yy + k));
                        s += kernel[k + radius] * pass[(yk * bw + xx) * CH + ch];
                    }
                    blurred[o + ch] = s;
                }
            }
        }
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

    /** Mean lower-lip colour (B, G, R) and its luma, between the inner and outer lower lip. */
    static double[] lipColour(FaceRig rig, byte[] bgr, float[] x, float[] y) {
        int[][] pairs = {{14, 17}, {87, 84}, {317, 314}, {178, 181}, {402, 405}};
        int w = rig.plateWidth();
        int h = rig.plateHeight();
        double[] c = new double[4];
        for (int[] p : pairs) {
            int xi = Math.max(0, Math.min(w - 1, Math.round((x[p[0]] + x[p[1]]) / 2)));
            int yi = Math.max(0, Math.min(h - 1, Math.round((y[p[0]] + y[p[1]]) / 2)));
            for (int k = 0; k < 3; k++) {
                c[k] += (bgr[(yi * w + xi) * 3 + k] & 0xFF) / (double) pairs.length;
            }
        }
        c[3] = 0.114 * c[0] + 0.587 * c[1] + 0.299 * c[2];
        return c;
    }

    /**
     * Teeth colour when the photo shows none: as bright as the whites of the eyes (lit like the mouth, a little
     * darker), or an off-white when the eyes give nothing bright (then at most 1.6x the cheeks' luma), never under
     * 0.85x the cheeks' luma; ivory, with two fifths of the skin's colour cast, and no more saturated than real teeth
     * in warm light.
     */
    private static float[] teethFromEyes(byte[] bgr, int w, int h, float[] x, float[] y) {
        // Between each iris centre and both eye corners.
        int[][] spots = {{468, 33}, {468, 133}, {473, 263}, {473, 362}};
        double best = -1;
        double second = -1;
        double[] bestC = new double[3];
        double[] secondC = new double[3];
        for (int[] s : spots) {
            if (s[0] >= x.length) {
                continue;
            }
            double cx = x[s[0]] + 0.55 * (x[s[1]] - x[s[0]]);
            double cy = y[s[0]] + 0.55 * (y[s[1]] - y[s[0]]);
            double[] c = new double[3];
            int n = 0;
            for (int yy = -1; yy <= 1; yy++) {
                for (int xx = -1; xx <= 1; xx++) {
                    int xi = (int) Math.round(cx) + xx;
                    int yi = (int) Math.round(cy) + yy;
                    if (xi < 0 || yi < 0 || xi >= w || yi >= h) {
                        continue;
                    }
                    for (int k = 0; k < 3; k++) {
                        c[k] += bgr[(yi * w + xi) * 3 + k] & 0xFF;
                    }
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                c[k] /= n;
            }
            double l = 0.114 * c[0] + 0.587 * c[1] + 0.299 * c[2];
            int max = (int) Math.max(c[0], Math.max(c[1], c[2]));
            int min = (int) Math.min(c[0], Math.min(c[1], c[2]));
            if (max - min > 0.45 * max) {
                continue; // skin or iris, not sclera
            }
            if (l > best) {
                second = best;
                secondC = bestC;
                best = l;
                bestC = c;
            } else if (l > second) {
                second = l;
                secondC = c;
            }
        }
        float[] white;
        if (best < 60) {
            white = new float[] {170, 188, 200};
        } else {
            double[] c = second >= 60 ? new double[] {(bestC[0] + secondC[0]) / 2, (bestC[1] + secondC[1]) / 2,
                    (bestC[2] + secondC[2]) / 2} : bestC;
            // Teeth in the mouth's shade: a little darker than the whites of the eyes.
            white = new float[] {(float) (0.84 * c[0]), (float) (0.89 * c[1]), (float) (0.93 * c[2])};
        }
        // In the photo's light: the skin's colour cast, two fifths as strong, at the teeth's brightness. The whites of
        // the eyes alone (often in a bluish shade) gave grey-teal teeth beside warm skin.
        double[] skin = cheekColour(bgr, w, h, x, y);
        double ls = 0.114 * skin[0] + 0.587 * skin[1] + 0.299 * skin[2];
        // Never much darker than the skin: squinting or shaded eyes give a grey that made the teeth a dark slab. With
        // no white in the eyes to go by (a dark or underexposed photo), no brighter than light skin would be there:
        // the stock off-white glowed in a dark photo.
        double lt = 0.114 * white[0] + 0.587 * white[1] + 0.299 * white[2];
        if (best < 60) {
            lt = Math.min(lt, 1.6 * ls);
        }
        lt = Math.max(lt, 0.85 * ls);
        float[] out = new float[3];
        float[] cap = {225, 232, 238};
        // Teeth are ivory, not white: a little yellow (B, G, R 0.9, 1, 1.05, as bright), or they read a cool grey
        // beside pale skin that gives little cast of its own.
        float[] ivory = {0.9f, 1f, 1.05f};
        for (int k = 0; k < 3; k++) {
            double cast = ls < 20 ? 1 : Math.pow(Math.max(1, skin[k]) / ls, 0.4);
            out[k] = (float) Math.min(cap[k], lt * cast * ivory[k]);
        }
        // No more colour than real teeth in warm light show (B about 0.72 of R at most): on very orange skin the
        // cast alone made them peach.
        float max = Math.max(out[0], Math.max(out[1], out[2]));
        float min = Math.min(out[0], Math.min(out[1], out[2]));
        if (max - min > 0.28f * max) {
            float l = 0.114f * out[0] + 0.587f * out[1] + 0.299f * out[2];
            float f = 0.28f * max / (max - min);
            for (int k = 0; k < 3; k++) {
                out[k] = l + f * (out[k] - l);
            }
        }
        return out;
    }

    /** Mean colour (B, G, R) of both cheeks, between the eyes' outer corners and the mouth's corners. */
    static double[] cheekColour(byte[] bgr, int w, int h, float[] x, float[] y) {
        double[] c = new double[3];
        int n = 0;
        for (int[] p : new int[][] {{33, 61}, {263, 291}}) {
            int cx = Math.round(0.5f * (x[p[0]] + x[p[1]]));
            int cy = Math.round(0.5f * (y[p[0]] + y[p[1]]));
            for (int yy = cy - 2; yy <= cy + 2; yy++) {
                for (int xx = cx - 2; xx <= cx + 2; xx++) {
                    if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                        continue;
                    }
                    for (int k = 0; k < 3; k++) {
                        c[k] += bgr[(yy * w + xx) * 3 + k] & 0xFF;
                    }
                    n++;
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            c[k] = n == 0 ? 128 : c[k] / n;
        }
        return c;
    }

    /** Median Laplacian variance of three skin patches: the chin under the lower lip and beside both corners. */
    private static double skinLaplacian(byte[] bgr, int w, int h, float[] x, float[] y, double iod) {
        int half = (int) Math.max(2, Math.round(0.05 * iod));
        double ex = (x[291] - x[61]);
        double ey = (y[291] - y[61]);
        double len = Math.max(1, Math.hypot(ex, ey));
        ex /= len;
        ey /= len;
        double[][] centres = {
            {x[17] + 0.4 * (x[152] - x[17]), y[17] + 0.4 * (y[152] - y[17])},
            {x[61] - ex * 0.2 * iod, y[61] - ey * 0.2 * iod},
            {x[291] + ex * 0.2 * iod, y[291] + ey * 0.2 * iod},
        };
        double[] v = new double[3];
        int n = 0;
        for (double[] c : centres) {
            int cx = (int) Math.round(c[0]);
            int cy = (int) Math.round(c[1]);
            double l = PlateMeasures.laplacianVariance(bgr, w, h, cx - half, cy - half, cx + half, cy + half);
            if (!Double.isNaN(l)) {
                v[n++] = l;
            }
        }
        return PlateMeasures.quantile(v, n, 0.5);
    }

    /** Bilinear sample of a plate at (sx, sy) (pixel centres at integers) into {@code out} at {@code o}. */
    static void bilinear(byte[] bgr, int w, int h, float sx, float sy, byte[] out, int o) {
        sx = Math.max(0, Math.min(w - 1.001f, sx));
        sy = Math.max(0, Math.min(h - 1.001f, sy));
        int ix = Math.min(Math.max(0, w - 2), (int) sx);
        int iy = Math.min(Math.max(0, h - 2), (int) sy);
        float fx = sx - ix;
        float fy = sy - iy;
        int p = (iy * w + ix) * 3;
        int q = p + w * 3;
        for (int c = 0; c < 3; c++) {
            float top = (bgr[p + c] & 0xFF) * (1 - fx) + (bgr[p + 3 + c] & 0xFF) * fx;
            float bot = (bgr[q + c] & 0xFF) * (1 - fx) + (bgr[q + 3 + c] & 0xFF) * fx;
            out[o + c] = (byte) Math.round(top + fy * (bot - top));
        }
    }

    /** Lip curves in the mouth frame: v (pixels across the eye line) at evenly spaced u across the mouth. */
    static final class Curve {
        private final float[] curveU = new float[FaceRig.INNER_UPPER_FULL.length];
        private final float[] curveV = new float[FaceRig.INNER_UPPER_FULL.length];

        /** Samples the curve through points {@code idx} at {@code bins + 1} u from -halfW to halfW into out. */
        void sample(int[] idx, float[] x, float[] y, float mcx, float mcy, float ax, float ay, float halfW,
                    float[] out, int bins) {
            for (int k = 0; k < idx.length; k++) {
                float dx = x[idx[k]] - mcx;
                float dy = y[idx[k]] - mcy;
                curveU[k] = dx * ax + dy * ay;
                curveV[k] = -dx * ay + dy * ax;
            }
            for (int b = 0; b <= bins; b++) {
                float uu = -halfW + 2 * halfW * b / bins;
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
    }

    /** About exp(-q) for q >= 0 (a bell in q = x^2 / width^2), without the exponential. */
    static float bump(float q) {
        if (q >= 4f) {
            return 0f;
        }
        float t = 1 - q * 0.25f;
        t *= t;
        return t * t;
    }

    /** asin for |z| <= 1 (Abramowitz and Stegun 4.4.45, error under 1e-4). */
    static float asin(float z) {
        float a = Math.abs(z);
        float r = (float) (Math.PI / 2 - Math.sqrt(1 - a) * (1.5707288f + a * (-0.2121144f + a * (0.074261f
                - 0.0187293f * a))));
        return z < 0 ? -r : r;
    }

    static float smooth(float e0, float e1, float t) {
        float s = clamp01((t - e0) / (e1 - e0));
        return s * s * (3 - 2 * s);
    }

    static float clamp01(float v) {
        return v <= 0 ? 0 : v >= 1 ? 1 : v;
    }

    static byte blend(byte dst, float src, float a) {
        float d = dst & 0xFF;
        float r = d + a * (src - d);
        return (byte) Math.round(r <= 0 ? 0 : r >= 255 ? 255 : r);
    }
}
