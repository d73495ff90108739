package ai.gaga.rig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A closed eye painted open, for faces with both eyes closed ({@link EyeReopening}). The lid skin between the crease
 * and the closed lash line is lifted (and compressed, as a real lid folds into its crease) so the photo's own lash
 * line becomes the upper lid's edge, darkened with the lash line's own colour; below it, down to the lower lid, a
 * sclera (the lid skin's lightness, nearly neutral, a pink inner corner) shaded under the upper lid and towards the
 * corners, and an iris disc (pupil, collarette, radial fibres, limbal ring, a catch light) of the colour seen in a
 * sliver between the lids, or dark brown; softened by a [1 2 1] blur and given the grain measured on the cheek. The
 * upper-lid landmarks, the rings above them and the iris points move to the painted eye.
 */
final class PaintedEye {
    private static final Logger LOG = LoggerFactory.getLogger(PaintedEye.class);
    /** Upper-to-lower lid distance at the centre of a painted eye, eye widths (0.33 on the astronaut's open eyes). */
    private static final double OPEN_RATIO = 0.3;
    /** Iris radius, eye widths. */
    private static final double IRIS_RATIO = 0.2;
    /** Default iris colour, B, G, R, for a face lit to a lid-skin luma of 180. */
    private static final double[] BROWN = {36, 56, 86};
    /** Radial fibres of a painted iris (angular samples). */
    private static final int FIBRES = 90;

    private PaintedEye() {
    }


    /** A lid as a function of {@code a}: {@code b} at sorted {@code a} samples, linear between, clamped at the ends. */
    private static final class Curve {
        final double[] as;
        final double[] bs;

        Curve(EyeFrame f, int[] idx, double[] x, double[] y) {
            int n = idx.length;
            as = new double[n];
            bs = new double[n];
            for (int k = 0; k < n; k++) {
                as[k] = f.a(x[idx[k]], y[idx[k]]);
                bs[k] = f.b(x[idx[k]], y[idx[k]]);
            }
            for (int i = 1; i < n; i++) { // sort by a
                for (int j = i; j > 0 && as[j - 1] > as[j]; j--) {
                    double t = as[j];
                    as[j] = as[j - 1];
                    as[j - 1] = t;
                    t = bs[j];
                    bs[j] = bs[j - 1];
                    bs[j - 1] = t;
                }
            }
        }

        double at(double a) {
            if (a <= as[0]) {
                return bs[0];
            }
            for (int k = 1; k < as.length; k++) {
                if (a <= as[k]) {
                    double sp = as[k] - as[k - 1];
                    double t = sp <= 1e-9 ? 1 : (a - as[k - 1]) / sp;
                    return bs[k - 1] + t * (bs[k] - bs[k - 1]);
                }
            }
            return bs[bs.length - 1];
        }
    }

    /** The painted eye's geometry in its frame. */
    record Open(EyeFrame f, Curve up, Curve lo, double height, double lash, double crease) {
        /** The closed lash line (the old upper lid, never below the lower lid). */
        double old(double a) {
            return Math.min(up.at(a), lo.at(a));
        }

        double env(double a) {
            return Math.sqrt(Math.max(0, 1 - a * a));
        }

        /** The new upper lid: the opening's height above the lower lid, peaking a little towards the nose. */
        double upper(double a) {
            double p = 0.1;
            double s = a < p ? (a - p) / (1 + p) : (a - p) / (1 - p);
            double shape = Math.pow(Math.max(0, 1 - s * s), 0.75);
            return Math.min(old(a), lo.at(a) - height * shape);
        }

        /** Top of the lifted lid skin (the crease), where nothing moves. */
        double top(double a) {
            return old(a) - (height + crease) * env(a);
        }

        /** Where lid skin now at {@code b} came from (for b between the crease and the new lash band). */
        double liftedFrom(double a, double b) {
            double t0 = top(a);
            double span = upper(a) + lash - t0;
            double from = old(a) + lash - t0;
            return span <= 1e-6 ? b : t0 + (b - t0) * from / span;
        }

        /** Where lid skin at {@code b} goes (the inverse of {@link #liftedFrom}). */
        double liftedTo(double a, double b) {
            double t0 = top(a);
            double span = upper(a) + lash - t0;
            double from = old(a) + lash - t0;
            return from <= 1e-6 ? b : t0 + (b - t0) * span / from;
        }
    }

    /** The painted eye's geometry: the photo's closed lids, the new opening. */
    static Open open(EyeFrame f, int eye, double[] x, double[] y) {
        double width = 2 * f.halfW;
        return new Open(f, new Curve(f, FaceRig.LIDS[2 * eye], x, y), new Curve(f, FaceRig.LIDS[2 * eye + 1], x, y),
                OPEN_RATIO * width, Math.max(0.7, 0.04 * width), 0.28 * width);
    }

    /**
     * Paints one closed eye open.
     *
     * @param sampledIris the iris colour seen between the lids, B, G, R, or null for the default brown
     */
    static void synthesise(byte[] src, byte[] dst, int w, int h, Open o, int eye, int[] area, int iris,
                                   double[] sampledIris, double[] x, double[] y) {
        EyeFrame f = o.f;
        double width = 2 * f.halfW;
        double skinLuma = lidSkinLuma(src, w, h, o);
        double exposure = Math.max(0.55, Math.min(1.25, skinLuma / 180));
        double[] iris0 = sampledIris;
        if (iris0 == null) {
            iris0 = new double[] {BROWN[0] * exposure, BROWN[1] * exposure, BROWN[2] * exposure};
        }
        double sl = Math.min(235, 1.02 * skinLuma + 8);
        double[] skin = lidSkin(src, w, h, o);
        double[] sclera = new double[3];
        double[] tint = {0.9, 0.96, 1.0};
        for (int c = 0; c < 3; c++) {
            sclera[c] = 0.6 * sl * tint[c] + 0.4 * skin[c];
        }
        double r = IRIS_RATIO * width;
        double ia = 0;
        double ib = o.lo.at(0) - 0.95 * r;
        double icx = f.x(ia, ib);
        double icy = f.y(ia, ib);
        double grain = grain(src, w, h, f, o);
        double[] fibres = new double[FIBRES];
        java.util.Random fr = new java.util.Random(17L + eye);
        for (int k = 0; k < FIBRES; k++) {
            fibres[k] = fr.nextGaussian();
        }
        int[] box = f.box(1.05, o.height + o.crease + 2 + Math.max(0, -o.old(0)), Math.max(2, o.lo.at(0) + 2), w, h);
        int bw = box[2] - box[0] + 1;
        int bh = box[3] - box[1] + 1;
        if (bw <= 0 || bh <= 0) {
            return;
        }
        float[] ball = new float[bw * bh * 3];
        float[] alpha = new float[bw * bh];
        double[] sp = new double[3];
        for (int py = box[1]; py <= box[3]; py++) {
            for (int px = box[0]; px <= box[2]; px++) {
                double a = f.a(px + 0.5, py + 0.5);
                double b = f.b(px + 0.5, py + 0.5);
                if (a <= -1 || a >= 1) {
                    continue;
                }
                double top = o.top(a);
                double band = o.upper(a) + o.lash;
                int d = (py * w + px) * 3;
                if (b >= top && b < band + 1) { // lid skin, lifted
                    double from = o.liftedFrom(a, Math.min(b, band));
                    if (EyeFrame.sample(src, w, h, f.x(a, from) - 0.5, f.y(a, from) - 0.5, sp)) {
                        double k = b < band ? 1 : band + 1 - b;
                        for (int c = 0; c < 3; c++) {
                            dst[d + c] = (byte) Math.round((1 - k) * (dst[d + c] & 0xFF) + k * sp[c]);
                        }
                    }
                }
                double lo = o.lo.at(a);
                double up = o.upper(a);
                if (b < up + 0.5 * o.lash || b > lo + 0.5) {
                    continue;
                }
                // The eyeball: under the lash band, fading in across it; down to the lower lid, anti-aliased.
                double aTop = MouthPainter.clamp01((float) ((b - up - 0.5 * o.lash) / Math.max(0.5, 0.5 * o.lash)));
                double aBot = MouthPainter.clamp01((float) (lo + 0.5 - b));
                double al = aTop * aBot;
                double open = Math.max(1e-6, lo - up);
                double under = FaceRig.smooth(0, 0.55, (b - up) / open); // 0 under the lid, 1 lower down
                double shade = (0.68 + 0.32 * under) * (1 - 0.3 * a * a);
                double ddx = px + 0.5 - icx;
                double ddy = py + 0.5 - icy;
                double dd = Math.hypot(ddx, ddy);
                double inIris = MouthPainter.clamp01((float) (r - dd + 0.5));
                double[] col = new double[3];
                double ang = Math.atan2(ddy, ddx);
                double irisK = irisShade(dd / r, ang, fibres);
                double caruncle = 0.8 * FaceRig.smooth(0.72, 0.97, a); // the pink inner corner
                for (int c = 0; c < 3; c++) {
                    double scl = (sclera[c] + caruncle * (0.85 * skin[c] - sclera[c])) * shade;
                    double ir = iris0[c] * irisK * (0.75 + 0.25 * under);
                    col[c] = scl + inIris * (ir - scl);
                }
                // A catch light up and to the image left of the pupil (the same side in both eyes).
                double hx = px + 0.5 - (icx - 0.3 * r);
                double hy = py + 0.5 - (icy - 0.2 * r);
                double hl = MouthPainter.clamp01((float) (0.15 * r + 0.5 - Math.hypot(hx, hy))) * 0.75
                        * (0.4 + 0.6 * under);
                for (int c = 0; c < 3; c++) {
                    col[c] += hl * (Math.min(250, sl * 1.15) - col[c]);
                }
                int k = (py - box[1]) * bw + (px - box[0]);
                alpha[k] = (float) al;
                for (int c = 0; c < 3; c++) {
                    ball[3 * k + c] = (float) col[c];
                }
            }
        }
        paintBall(dst, w, box, bw, bh, ball, alpha, grain, iris);
        lashLine(src, dst, w, h, o, box);
        // Landmarks: the upper lid on the painted eye, the rings above it lifted with the skin, the iris on its disc.
        for (int k = 9; k < 16; k++) {
            int i = area[k];
            double a = f.a(x[i], y[i]);
            x[i] = f.x(a, o.upper(a));
            y[i] = f.y(a, o.upper(a));
        }
        for (int k = 16; k < area.length; k++) {
            int i = area[k];
            double a = f.a(x[i], y[i]);
            double b = f.b(x[i], y[i]);
            if (a > -1 && a < 1 && b > o.top(a) && b < o.old(a) + o.lash) {
                double to = o.liftedTo(a, b);
                x[i] = f.x(a, to);
                y[i] = f.y(a, to);
            }
        }
        double[] ox = new double[5];
        double[] oy = new double[5];
        for (int k = 1; k < 5; k++) {
            ox[k] = x[iris + k] - x[iris];
            oy[k] = y[iris + k] - y[iris];
        }
        x[iris] = icx;
        y[iris] = icy;
        double[][] fallback = {{0, 0}, {1, 0}, {0, -1}, {-1, 0}, {0, 1}};
        for (int k = 1; k < 5; k++) {
            double len = Math.hypot(ox[k], oy[k]);
            double ux = len > 0.3 ? ox[k] / len : fallback[k][0];
            double uy = len > 0.3 ? oy[k] / len : fallback[k][1];
            x[iris + k] = icx + r * ux;
            y[iris + k] = icy + r * uy;
        }
    }

    /**
     * Darkens the new upper lid's edge with the closed lash line's own colour (the darkest fifth of the pixels along
     * it): thickest in the middle, tapering to the corners, soft on both sides.
     */
    private static void lashLine(byte[] src, byte[] dst, int w, int h, Open o, int[] box) {
        EyeFrame f = o.f;
        List<double[]> px = new ArrayList<>();
        double[] sp = new double[3];
        for (double a = -0.7; a <= 0.7; a += 0.05) {
            for (double b = o.old(a) - 2 * o.lash; b <= o.old(a) + 4 * o.lash; b += 0.5) {
                if (EyeFrame.sample(src, w, h, f.x(a, b) - 0.5, f.y(a, b) - 0.5, sp)) {
                    px.add(sp.clone());
                }
            }
        }
        if (px.size() < 10) {
            return;
        }
        px.sort((p, q) -> Double.compare(luma(p), luma(q)));
        double[] lash = new double[3];
        int n = Math.max(1, px.size() / 5);
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < 3; c++) {
                lash[c] += px.get(k)[c] / n;
            }
        }
        for (int py = box[1]; py <= box[3]; py++) {
            for (int x = box[0]; x <= box[2]; x++) {
                double a = f.a(x + 0.5, py + 0.5);
                if (a <= -1 || a >= 1) {
                    continue;
                }
                double b = f.b(x + 0.5, py + 0.5);
                double thick = o.lash * (0.4 + 0.8 * o.env(a));
                double centre = o.upper(a) + 0.3 * o.lash;
                double d = Math.abs(b - centre) / Math.max(0.5, thick);
                if (d >= 1.5) {
                    continue;
                }
                float al = (float) (0.8 * (1 - FaceRig.smooth(0.5, 1.5, d)) * (0.35 + 0.65 * o.env(a)));
                int d0 = (py * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    dst[d0 + c] = MouthPainter.blend(dst[d0 + c], (float) lash[c], al);
                }
            }
        }
    }

    private static double luma(double[] bgr) {
        return 0.114 * bgr[0] + 0.587 * bgr[1] + 0.299 * bgr[2];
    }

    /**
     * The iris's lightness at {@code rho} iris radii from its centre, angle {@code ang}: a dark pupil (with an
     * anti-aliased edge), a slightly lighter collarette round it, radial fibres (a smoothed random pattern round the
     * circle, stronger outward), and the darker limbal ring at the rim.
     */
    private static double irisShade(double rho, double ang, double[] fibres) {
        double pupil = 0.38;
        if (rho < pupil - 0.04) {
            return 0.12;
        }
        double t = (ang / (2 * Math.PI) + 1) * FIBRES;
        int k0 = (int) Math.floor(t) % FIBRES;
        int k1 = (k0 + 1) % FIBRES;
        double ft = t - Math.floor(t);
        double fibre = fibres[k0] * (1 - ft) + fibres[k1] * ft;
        double v = 1 + 0.16 * fibre * FaceRig.smooth(pupil, 0.9, rho);
        v *= 1 + 0.12 * (1 - FaceRig.smooth(0.45, 0.6, rho)); // collarette
        v *= 1 - 0.45 * FaceRig.smooth(0.78, 1.0, rho); // limbal ring
        double p = FaceRig.smooth(pupil - 0.04, pupil + 0.04, rho);
        return 0.12 + p * (v - 0.12);
    }

    /** Blurs the painted eyeball with [1 2 1] both ways, adds the photo's grain, and blends it in. */
    private static void paintBall(byte[] dst, int w, int[] box, int bw, int bh, float[] ball, float[] alpha,
                                  double grain, int seed) {
        float[] tmp = new float[ball.length];
        float[] at = new float[alpha.length];
        // Premultiplied, so the blur does not pull in the unpainted black.
        for (int k = 0; k < alpha.length; k++) {
            for (int c = 0; c < 3; c++) {
                ball[3 * k + c] *= alpha[k];
            }
        }
        blur(ball, alpha, tmp, at, bw, bh, 1, 0);
        blur(tmp, at, ball, alpha, bw, bh, 0, 1);
        java.util.Random rnd = new java.util.Random(seed * 7919L);
        for (int yy = 0; yy < bh; yy++) {
            for (int xx = 0; xx < bw; xx++) {
                int k = yy * bw + xx;
                float a = alpha[k];
                if (a <= 1e-3f) {
                    continue;
                }
                double n = rnd.nextGaussian() * grain;
                int o = ((box[1] + yy) * w + box[0] + xx) * 3;
                for (int c = 0; c < 3; c++) {
                    double v = ball[3 * k + c] / a + n;
                    dst[o + c] = MouthPainter.blend(dst[o + c], (float) Math.max(0, Math.min(255, v)), Math.min(1f, a));
                }
            }
        }
    }

    private static void blur(float[] c, float[] a, float[] co, float[] ao, int bw, int bh, int sx, int sy) {
        for (int yy = 0; yy < bh; yy++) {
            for (int xx = 0; xx < bw; xx++) {
                int k = yy * bw + xx;
                int xm = Math.max(0, xx - sx);
                int ym = Math.max(0, yy - sy);
                int xp = Math.min(bw - 1, xx + sx);
                int yp = Math.min(bh - 1, yy + sy);
                int km = ym * bw + xm;
                int kp = yp * bw + xp;
                ao[k] = (a[km] + 2 * a[k] + a[kp]) / 4;
                for (int ch = 0; ch < 3; ch++) {
                    co[3 * k + ch] = (c[3 * km + ch] + 2 * c[3 * k + ch] + c[3 * kp + ch]) / 4;
                }
            }
        }
    }

    /**
     * The iris colour where the closed lids leave a sliver of the eye (at least 2 px between them in the middle, and
     * some white of the eye showing: bright, nearly grey pixels): the mean of the sliver's coloured dark pixels (luma
     * under 0.75 of the lid skin's, chroma over 0.4 of the luma: an iris is brown, hazel, green or blue, while lashes
     * are grey), if they are at least an eighth of the sliver, brightened a little for the lid's shadow. Null when
     * no sliver of the eye shows (a shadowed lash line alone, in warm light, looks like a dark brown iris).
     */
    static double[] sliverIris(byte[] src, int w, int h, Open o, double skinLuma) {
        EyeFrame f = o.f;
        if (o.lo.at(0) - o.up.at(0) < 2) {
            return null;
        }
        int white = 0;
        double[] sp = new double[3];
        double[] mean = new double[3];
        int all = 0;
        int n = 0;
        for (double a = -0.45; a <= 0.45; a += 0.05) {
            double bottom = o.lo.at(a) - 0.5;
            for (double b = o.up.at(a) + 0.5; b <= bottom; b += 0.5) {
                if (!EyeFrame.sample(src, w, h, f.x(a, b) - 0.5, f.y(a, b) - 0.5, sp)) {
                    continue;
                }
                all++;
                double l = luma(sp);
                double chroma = Math.max(sp[0], Math.max(sp[1], sp[2])) - Math.min(sp[0], Math.min(sp[1], sp[2]));
                white += l > 0.7 * skinLuma && chroma < 0.25 * l ? 1 : 0;
                if (l > 12 && l < 0.75 * skinLuma && chroma > 0.4 * l) {
                    for (int c = 0; c < 3; c++) {
                        mean[c] += sp[c];
                    }
                    n++;
                }
            }
        }
        if (n < 8 || n < all / 8 || white < 3) {
            return null;
        }
        for (int c = 0; c < 3; c++) {
            mean[c] = Math.min(255, 1.1 * mean[c] / n);
        }
        LOG.info("Iris colour from the sliver between the lids (B, G, R): {}", java.util.Arrays.toString(
                java.util.Arrays.stream(mean).map(Math::round).toArray()));
        return mean;
    }

    /** Mean B, G, R of the closed lid (between the crease and the lash line, the middle half across). */
    private static double[] lidSkin(byte[] src, int w, int h, Open o) {
        double[] acc = new double[3];
        double[] sp = new double[3];
        int n = 0;
        for (double a = -0.5; a <= 0.5; a += 0.1) {
            double b0 = o.old(a) - 0.8 * o.height;
            double b1 = o.old(a) - 0.2 * o.height;
            for (double b = b0; b <= b1; b += 0.5) {
                if (EyeFrame.sample(src, w, h, o.f.x(a, b) - 0.5, o.f.y(a, b) - 0.5, sp)) {
                    for (int c = 0; c < 3; c++) {
                        acc[c] += sp[c];
                    }
                    n++;
                }
            }
        }
        if (n == 0) {
            return new double[] {150, 170, 200};
        }
        return new double[] {acc[0] / n, acc[1] / n, acc[2] / n};
    }

    static double lidSkinLuma(byte[] src, int w, int h, Open o) {
        double[] s = lidSkin(src, w, h, o);
        return 0.114 * s[0] + 0.587 * s[1] + 0.299 * s[2];
    }

    /**
     * The photo's grain: the standard deviation of the luma's difference from its 3x3 mean on the cheek under the
     * eye, less a little for the skin's own texture.
     */
    private static double grain(byte[] src, int w, int h, EyeFrame f, Open o) {
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (double a = -0.4; a <= 0.4; a += 0.05) {
            double b0 = o.lo.at(a) + 0.35 * f.halfW;
            for (double b = b0; b <= b0 + 0.4 * f.halfW; b += 1) {
                int px = (int) Math.floor(f.x(a, b));
                int py = (int) Math.floor(f.y(a, b));
                if (px < 1 || py < 1 || px >= w - 1 || py >= h - 1) {
                    continue;
                }
                double mean = 0;
                for (int yy = -1; yy <= 1; yy++) {
                    for (int xx = -1; xx <= 1; xx++) {
                        mean += luma(src, ((py + yy) * w + px + xx) * 3);
                    }
                }
                double diff = luma(src, (py * w + px) * 3) - mean / 9;
                sum += diff;
                sum2 += diff * diff;
                n++;
            }
        }
        if (n < 10) {
            return 1.5;
        }
        double var = sum2 / n - (sum / n) * (sum / n);
        return Math.max(0.5, Math.min(6, 0.9 * Math.sqrt(Math.max(0, var)) * 1.125));
    }

    private static double luma(byte[] img, int o) {
        return 0.114 * (img[o] & 0xFF) + 0.587 * (img[o + 1] & 0xFF) + 0.299 * (img[o + 2] & 0xFF);
    }
}
