package ai.gaga.face;

import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Whether something covers the eyes (sunglasses) or the mouth (a mask, a hand, a microphone), measured on the photo's
 * pixels inside the mesh's eye and outer-lip polygons against skin: the median of five skin patches (mid-forehead,
 * both upper cheeks, both lower cheeks), so that sunglasses (which may reach the upper cheeks) or a mask (which
 * covers the lower cheeks) leave enough true skin for the reference.
 *
 * <p>Measures, all relative to the skin's mean luminance so exposure does not matter:
 * <ul>
 * <li>eyes: mean luminance inside each eye polygon, and the spread between its brightest and darkest tenth (the
 *     sclera against the iris and pupil: an open, visible eye has both);</li>
 * <li>lips: how much less red than the skin the lip polygon is (lips are redder than the skin around them under any
 *     light; a grey, white or blue cover is less red), its luminance standard deviation (the lip line and the
 *     lips' shading; a flat cover has none), and its grain, the fine detail from one pixel to the next over the
 *     skin patches' (the lip line, creases and teeth, or beard hair: about twice the skin's or more; a hand or a
 *     cover as smooth as skin or smoother).</li>
 * </ul>
 * A beard or moustache over the lips is less red than the skin, as a cover is, but full of fine detail: lips that
 * are less red than the skin yet at least {@link #HAIR_LIP_GRAIN} times as grainy read as {@link #bearded()}, not
 * covered. The grain is a ratio of neighbouring-pixel steps, so it holds when the photo is scaled (measured on
 * family #0 at 0.6x to 2.5x: 2.29-2.35).
 *
 * @param eyeLuminance    the brighter eye's mean luminance over the skin's
 * @param eyeContrast     the larger of the two eyes' 90th-10th percentile luminance spread, over the skin's luminance
 * @param lipRednessLoss  skin chromaticity r/(r+g+b) minus the lips' (positive: lips less red than the skin)
 * @param lipTexture      luminance standard deviation inside the lip polygon over the skin's luminance
 * @param lipGrain        fine detail inside the lip polygon over the skin's: the mean luminance step between
 *                        neighbouring pixels, lips over the skin patches' (median)
 */
public record Occlusion(double eyeLuminance, double eyeContrast, double lipRednessLoss, double lipTexture,
                        double lipGrain) {
    /**
     * Eyes are hidden when even the brighter eye is this dark relative to the skin. Measured ({@code OcclusionTest}):
     * visible eyes 0.30 (Grace Hopper: dark eyes behind spectacles) and 0.56 (astronaut); painted dark lenses
     * 0.10-0.13. Dark eyes alone come close, so the contrast must be missing too.
     */
    static final double HIDDEN_EYE_LUMINANCE = 0.22;
    /**
     * ... and shows less than this contrast (no sclera against iris). Measured: visible eyes 0.51-0.79, painted
     * lenses 0.00; real lenses keep some reflections, hence well above zero.
     */
    static final double HIDDEN_EYE_CONTRAST = 0.25;
    /**
     * The mouth is covered when the lip polygon is this much less red than the skin. Measured: real lips -0.039 and
     * -0.009 (redder than the skin); grey and light-blue surgical-mask colours +0.062 to +0.205.
     */
    static final double COVERED_REDNESS_LOSS = 0.035;
    /**
     * ... or when the lip polygon is this flat whatever its colour (a skin-coloured cover, or any cover in a
     * black-and-white photo). Measured: real closed lips 0.23-0.29 (the lip line and shading), a flat patch 0.000.
     */
    static final double COVERED_LIP_TEXTURE = 0.05;
    /**
     * ... or when the lip polygon has less fine detail than the skin: a hand or anything as smooth as a cheek.
     * Measured ({@code OcclusionTest} and on every fixture face): real lips 1.9-7.8 times the skin's grain (the lip
     * line, creases, teeth); a patch of the photo's own cheek enlarged over the mouth 0.04-0.66 on 19 faces, 1.17
     * and 1.87 on two (family #6, cheering #4: the re-fitted mesh's lips reach the patch's edge), which this misses.
     * Kept at 1 rather than between the two groups: sensor noise adds to the lips' grain and the skin's alike, so a
     * noisy photo's real lips come close to 1 from above but not below it.
     */
    static final double SMOOTH_LIP_GRAIN = 1.0;
    /**
     * A lip polygon less red than the skin is a beard or a moustache, not a cover, when it has at least this much
     * more fine detail than the skin: hair. Measured: bearded family #0, #5 and cheering #3 2.3-5.5 in the photos,
     * at 0.6x to 2.5x their size and on their render crops (redness loss 0.064-0.072: beard and moustache hair over
     * and around the lips); flat mask colours 0.0. The same faces' warped neutral rests read 1.3-1.5 (the warp blurs
     * the hair): {@code NeutralRest} keeps the photo's verdict for its rest. Not told apart: a cover that is both
     * less red than the skin and as grainy as hair (a foam microphone, a knitted scarf) reads as a beard.
     */
    static final double HAIR_LIP_GRAIN = 1.6;

    private static final int[] SKIN = {151, 50, 280, 205, 425};
    /** Skin patch radius, inter-ocular distances: small enough to stay on the cheek or forehead. */
    private static final double PATCH = 0.12;

    /** Sunglasses or anything dark and flat over both eyes. */
    public boolean eyesHidden() {
        return eyeLuminance < HIDDEN_EYE_LUMINANCE && eyeContrast < HIDDEN_EYE_CONTRAST;
    }

    /**
     * A cover over the mouth: flat, as smooth as skin, or not lip-coloured (less red than the skin) without the fine
     * detail of beard hair.
     */
    public boolean mouthOccluded() {
        return lipTexture < COVERED_LIP_TEXTURE || lipGrain < SMOOTH_LIP_GRAIN
                || lipRednessLoss > COVERED_REDNESS_LOSS && !bearded();
    }

    /** Lips less red than the skin but full of fine detail: beard or moustache hair over them, not a cover. */
    public boolean bearded() {
        return lipRednessLoss > COVERED_REDNESS_LOSS && lipGrain >= HAIR_LIP_GRAIN;
    }

    /** Measures a mesh's eyes and lips on its photo. */
    public static Occlusion measure(BufferedImage photo, FaceMesh mesh) {
        BufferedImage img = Images.packedBgr(photo);
        byte[] px = Images.bgr(img);
        int w = img.getWidth();
        int h = img.getHeight();
        double iod = Math.max(1, mesh.interOcularDistance());
        int patches = SKIN.length;
        double[][] skin = new double[patches][];
        for (int k = 0; k < patches; k++) {
            FaceMesh.Landmark c = mesh.get(SKIN[k]);
            Path2D disc = new Path2D.Double(new java.awt.geom.Ellipse2D.Double(c.x() - PATCH * iod,
                    c.y() - PATCH * iod, 2 * PATCH * iod, 2 * PATCH * iod));
            skin[k] = stats(px, w, h, disc);
        }
        double skinR = median(skin, 0);
        double skinL = Math.max(1, median(skin, 3));
        double[] re = stats(px, w, h, polygon(mesh, FaceMesh.RIGHT_EYE));
        double[] le = stats(px, w, h, polygon(mesh, FaceMesh.LEFT_EYE));
        Path2D lipShape = polygon(mesh, FaceMesh.LIPS_OUTER);
        double[] lips = stats(px, w, h, lipShape);
        double[] grains = new double[patches];
        int g = 0;
        for (int k = 0; k < patches; k++) {
            FaceMesh.Landmark c = mesh.get(SKIN[k]);
            double v = grain(px, w, h, new java.awt.geom.Ellipse2D.Double(c.x() - PATCH * iod, c.y() - PATCH * iod,
                    2 * PATCH * iod, 2 * PATCH * iod));
            if (!Double.isNaN(v)) {
                grains[g++] = v;
            }
        }
        Arrays.sort(grains, 0, g);
        double skinGrain = g == 0 ? Double.NaN : Math.max(1e-3, grains[g / 2]);
        return new Occlusion(Math.max(re[3], le[3]) / skinL, Math.max(re[5], le[5]) / skinL, skinR - lips[0],
                lips[4] / skinL, grain(px, w, h, lipShape) / skinGrain);
    }

    /** Mean absolute luminance difference to the right and below neighbours, pixels inside the shape. */
    private static double grain(byte[] px, int w, int h, java.awt.Shape shape) {
        java.awt.Rectangle b = shape.getBounds();
        double sum = 0;
        int n = 0;
        for (int y = Math.max(0, b.y); y <= Math.min(h - 2, b.y + b.height); y++) {
            for (int x = Math.max(0, b.x); x <= Math.min(w - 2, b.x + b.width); x++) {
                if (!shape.contains(x + 0.5, y + 0.5)) {
                    continue;
                }
                double l = lum(px, (y * w + x) * 3);
                sum += Math.abs(lum(px, (y * w + x + 1) * 3) - l) + Math.abs(lum(px, ((y + 1) * w + x) * 3) - l);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double lum(byte[] px, int o) {
        return 0.299 * (px[o + 2] & 0xff) + 0.587 * (px[o + 1] & 0xff) + 0.114 * (px[o] & 0xff);
    }

    private static Path2D polygon(FaceMesh mesh, int[] ring) {
        Path2D p = new Path2D.Double();
        for (int k = 0; k < ring.length; k++) {
            FaceMesh.Landmark l = mesh.get(ring[k]);
            if (k == 0) {
                p.moveTo(l.x(), l.y());
            } else {
                p.lineTo(l.x(), l.y());
            }
        }
        p.closePath();
        return p;
    }

    /**
     * Pixels whose centre is inside {@code shape}: mean chromaticity r, g, b (each over r+g+b), mean luminance,
     * luminance standard deviation, 90th minus 10th percentile luminance. NaN when no pixel is inside.
     */
    private static double[] stats(byte[] px, int w, int h, Path2D shape) {
        java.awt.Rectangle b = shape.getBounds();
        int x0 = Math.max(0, b.x);
        int y0 = Math.max(0, b.y);
        int x1 = Math.min(w - 1, b.x + b.width);
        int y1 = Math.min(h - 1, b.y + b.height);
        double[] lum = new double[Math.max(0, (x1 - x0 + 1) * (y1 - y0 + 1))];
        int n = 0;
        double sr = 0;
        double sg = 0;
        double sb = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (!shape.contains(x + 0.5, y + 0.5)) {
                    continue;
                }
                int o = (y * w + x) * 3;
                double bl = px[o] & 0xff;
                double g = px[o + 1] & 0xff;
                double r = px[o + 2] & 0xff;
                sr += r;
                sg += g;
                sb += bl;
                lum[n++] = 0.299 * r + 0.587 * g + 0.114 * bl;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double total = Math.max(1e-9, sr + sg + sb);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += lum[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (lum[i] - mean) * (lum[i] - mean);
        }
        double[] sorted = Arrays.copyOf(lum, n);
        Arrays.sort(sorted);
        double spread = sorted[(int) (0.9 * (n - 1))] - sorted[(int) (0.1 * (n - 1))];
        return new double[] {sr / total, sg / total, sb / total, mean, Math.sqrt(var / n), spread};
    }

    private static double median(double[][] rows, int col) {
        double[] v = new double[rows.length];
        int n = 0;
        for (double[] r : rows) {
            if (!Double.isNaN(r[col])) {
                v[n++] = r[col];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(v, 0, n);
        return v[n / 2];
    }

    @Override
    public String toString() {
        return String.format("Occlusion[eyes: luminance %.2f, contrast %.2f; lips: redness loss %.3f, texture %.3f, "
                + "grain %.2f x the skin's]", eyeLuminance, eyeContrast, lipRednessLoss, lipTexture, lipGrain);
    }
}
