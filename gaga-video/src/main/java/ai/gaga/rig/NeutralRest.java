package ai.gaga.rig;

import ai.gaga.face.Blendshapes;
import ai.gaga.face.Cancellation;
import ai.gaga.face.FaceAnalysis;
import ai.gaga.face.FaceMesh;
import ai.gaga.face.FaceWarning;
import ai.gaga.face.Images;
import ai.gaga.face.Landmarks478;
import ai.gaga.face.Occlusion;
import ai.gaga.face.PhotoExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The neutral rest of a photo: its expression relaxed by warping the photo itself, so the actor acts from a face with
 * the lips together, no grin and the brows at rest, with the photo's own skin, lips and pose. An open mouth closes
 * the way a jaw does (the lower lip, chin and jaw rise, the upper lip comes down a little) until the inner lips meet
 * along their whole length: the teeth between them are covered by the lips, not painted over. A grin's corners and
 * cheeks go back, and raised or knitted brows come down, by the rig's own smile and brow shapes run backwards by the
 * amount the blendshapes read above a neutral face. The result is the photo and analysis the {@link AnimatedPlate}
 * is built on: its landmarks are the moved ones. Closed eyes are opened afterwards by {@link EyeReopening}: a wink
 * from the other eye mirrored, two closed eyes painted.
 */
public final class NeutralRest {
    private static final Logger LOG = LoggerFactory.getLogger(NeutralRest.class);
    /** Share of the closing done by the upper lip (the rest by the jaw and lower lip). */
    private static final double UPPER_SHARE = 0.3;
    /**
     * Gap left between the inner lips, inter-ocular distances: negative, the lower lip tucks a little under the upper
     * one, so teeth the mesh counted as lip (its inner-lip points sit on the teeth in wide open mouths) are covered.
     */
    private static final double MEET = -0.025;
    /** The rig's smile shape run backwards at this fraction of the measured excess smile. */
    private static final double SMILE_UNDO = 0.9;
    private static final double BROW_UNDO = 0.8;
    /**
     * Re-read lip gap (inter-ocular distances) the rest closes down to when it can re-analyse its photo: under the
     * 0.06 at which a photo's mouth counts as open, with a margin for the smaller, compressed frames of a video.
     * Seen failing at 0.05: family #0's bearded rest re-read 0.049 after one pass, and the evaluator read its
     * visibly closed lips at 0.09-0.11 IOD in a short pause while the joyful line's smile was on (87 % closed in
     * silences); one more pass closes it to 0.031 (100 %, sync 0.69), every other fixture face unchanged.
     */
    static final double TARGET_GAP = 0.04;
    /** Closing passes after the first, at most (each costs one face analysis). */
    static final int MAX_RECLOSE = 2;
    /**
     * Re-read lip gap (inter-ocular distances) at or above which the rest says it could not close the mouth well
     * ({@link FaceWarning#MOUTH_CLOSED_POORLY}): the measure of a closed mouth on video.
     */
    static final double POORLY_CLOSED = 0.08;
    /** Seals after the closing passes, at most (each costs one face analysis). */
    static final int MAX_SEAL = 2;
    /**
     * The share of the lower lip (from its re-read inner edge out) a seal carries up under the rest of it: the inner
     * edge of a lower lip carried up from a wide open mouth is the shadowed rim the tongue or the lower teeth sat on,
     * which the face model reads as the mouth's inside.
     */
    private static final double SEAL_SKIP = 0.3;
    /** How far past the re-read inner lips a seal looks for a dark line or teeth, inter-ocular distances. */
    private static final double SEAL_REACH = 0.04;
    /** How far below the lower lip a seal's stretch reaches into the chin, inter-ocular distances. */
    private static final double SEAL_CHIN = 0.05;
    /** Darker than this share of the lower lip's luma counts as a gap between the lips. */
    private static final double SEAL_DARK = 0.7;
    /** How far past the lip corners a seal fills a dark corner, inter-ocular distances. */
    private static final double SEAL_CORNER = 0.25;
    /** Half the height of the band a seal fills at the corners and at least along the lips, inter-ocular distances. */
    private static final double SEAL_CORNER_HALF = 0.04;
    /**
     * The largest speck a closed rest fills, inter-ocular distances (at least 3 px): the dots of dark mouth corner and
     * flecks of teeth the closing warp leaves (seen on the cheering and dancing faces' rests, 1-3 px black dots at the
     * corners); the darker line where the lips meet is longer and stays.
     */
    private static final double SPECK = 0.08;
    /** How far past the lip corners specks are looked for, inter-ocular distances (a mole further out stays). */
    private static final double SPECK_CORNER = 0.12;
    /** The ring a speck is compared with: its radius (inter-ocular distances, at least 2 px). */
    private static final double SPECK_RING = 0.05;
    /** A dark speck is under this share of the luma around it; a pale one (teeth) over the second. */
    private static final double SPECK_DARK = 0.5;
    private static final double SPECK_PALE = 1.3;

    /**
     * A photo's neutral rest.
     *
     * @param photo      the photo with its expression relaxed (the input photo itself when nothing changed)
     * @param analysis   its analysis: landmarks moved with the face, the rest of the analysis as the photo's
     * @param relaxed    what was relaxed (warnings about the neutral rest)
     * @param expression what the photo's expression was read as
     * @param interior   what the photo showed between the lips the rest closed (its teeth, tongue, the dark of the
     *                   mouth), for the animated mouth to show again as it opens; null when nothing was closed
     */
    public record Result(BufferedImage photo, FaceAnalysis analysis, Set<FaceWarning> relaxed,
                         PhotoExpression expression, MouthInterior interior) {
        public Result {
            Objects.requireNonNull(photo, "photo");
            Objects.requireNonNull(analysis, "analysis");
            relaxed = Set.copyOf(relaxed);
            Objects.requireNonNull(expression, "expression");
        }

        /** A rest that closed no mouth. */
        public Result(BufferedImage photo, FaceAnalysis analysis, Set<FaceWarning> relaxed,
                      PhotoExpression expression) {
            this(photo, analysis, relaxed, expression, null);
        }
    }

    private NeutralRest() {
    }

    /**
     * Derives the neutral rest of {@code photo} (analysed as {@code face}): the expression relaxed, then closed eyes
     * opened ({@link EyeReopening}).
     */
    public static Result of(BufferedImage photo, FaceAnalysis face) {
        return of(photo, face, null);
    }

    /**
     * Derives the neutral rest of {@code photo} (analysed as {@code face}), checking the closed mouth by analysing the
     * rest photo again with {@code reanalyze} (the same face models, the same face box): where the face model still
     * reads the lips apart (at least {@link #TARGET_GAP} inter-ocular distances: teeth the mesh counted as lip, a pale
     * band or dark corners left between the lips, a jaw that still reads open), the lips are closed again from that
     * reading, at most {@link #MAX_RECLOSE} times, keeping a pass only where it narrowed the re-read gap. Lips that
     * still read apart then are sealed (at most {@link #MAX_SEAL} times, each kept only where it narrowed the gap): what
     * is dark or teeth between them and at their corners is filled from the lip around it, or the lower lip's own
     * texture is carried up over the band the mesh reads open (the tongue, a dark line). Where they still read
     * {@link #POORLY_CLOSED} or more apart, {@link FaceWarning#MOUTH_CLOSED_POORLY} is added. The rest's analysis is
     * then the re-read one, moved with the last pass. {@code reanalyze} null: one pass, unchecked.
     */
    public static Result of(BufferedImage photo, FaceAnalysis face, Function<BufferedImage, FaceAnalysis> reanalyze) {
        Result relaxed = relax(photo, face);
        if (reanalyze != null && relaxed.expression().closeMouth()) {
            relaxed = reclose(relaxed, reanalyze);
        }
        if (relaxed.expression().closeMouth()) {
            relaxed = despeckle(relaxed);
        }
        EyeReopening.Result eyes = EyeReopening.of(relaxed.photo(), relaxed.analysis());
        if (eyes.warnings().isEmpty()) {
            return relaxed;
        }
        Set<FaceWarning> notes = EnumSet.noneOf(FaceWarning.class);
        notes.addAll(relaxed.relaxed());
        notes.addAll(eyes.warnings());
        return new Result(eyes.photo(), eyes.analysis(), notes, relaxed.expression(), relaxed.interior());
    }

    /** Closes the mouth again while the face model re-reads it open (see {@link #of(BufferedImage, FaceAnalysis,
     * Function)}). */
    private static Result reclose(Result first, Function<BufferedImage, FaceAnalysis> reanalyze) {
        long t0 = System.nanoTime();
        Result best = first;
        FaceAnalysis read = reanalyze.apply(first.photo());
        double gap = PhotoExpression.of(read).lipGap();
        double firstGap = gap;
        int passes = 0;
        while (gap >= TARGET_GAP && passes < MAX_RECLOSE) {
            Cancellation.check();
            passes++;
            PhotoExpression ex = PhotoExpression.of(read);
            // The lips again, and a grin the closed mouth still reads (at most the photo's own).
            PhotoExpression mouth = new PhotoExpression(ex.lipGap(), true,
                    Math.min(ex.smile(), first.expression().smile()), 0, 0, ex.rightClosed(), ex.leftClosed(), false);
            Result again = close(best.photo(), read, mouth);
            FaceAnalysis reread = reanalyze.apply(again.photo());
            double gapAgain = PhotoExpression.of(reread).lipGap();
            if (gapAgain >= gap - 0.005) {
                break; // no better: keep the last pass that was
            }
            FaceAnalysis a = again.analysis(); // the first pass' expression (its grin and brows relaxed)
            best = new Result(again.photo(), new FaceAnalysis(a.width(), a.height(), a.box(), a.mesh(), a.landmarks(),
                    first.analysis().expression(), a.fit(), a.mask(), coverOfThePhoto(a, first.analysis())),
                    first.relaxed(),
                    first.expression(), first.interior());
            read = reread;
            gap = gapAgain;
        }
        int seals = 0;
        while (gap >= TARGET_GAP && seals < MAX_SEAL) {
            Cancellation.check();
            seals++;
            // Two ways: the gaps filled where they are dark or teeth (corners, a line), or the lower lip carried up
            // over the whole band the mesh reads open and then the gaps filled; the one re-read narrower is kept.
            Result chosen = null;
            FaceAnalysis chosenRead = null;
            double chosenGap = gap - 0.005;
            for (boolean stretch : new boolean[] {false, true}) {
                Result sealed = seal(best, read, stretch);
                if (sealed == null) {
                    continue;
                }
                FaceAnalysis reread = reanalyze.apply(sealed.photo());
                double gapAgain = PhotoExpression.of(reread).lipGap();
                if (gapAgain < chosenGap) {
                    chosen = sealed;
                    chosenRead = reread;
                    chosenGap = gapAgain;
                }
            }
            if (chosen == null) {
                break;
            }
            best = chosen;
            read = chosenRead;
            gap = chosenGap;
        }
        LOG.info("Neutral rest re-read: lip gap {} -> {} IOD after {} more closing pass(es) and {} seal(s) in {} ms",
                String.format(java.util.Locale.ROOT, "%.3f", firstGap),
                String.format(java.util.Locale.ROOT, "%.3f", gap), passes, seals,
                (System.nanoTime() - t0) / 1_000_000);
        if (gap >= POORLY_CLOSED) {
            Set<FaceWarning> notes = EnumSet.noneOf(FaceWarning.class);
            notes.addAll(best.relaxed());
            notes.add(FaceWarning.MOUTH_CLOSED_POORLY);
            LOG.info("Neutral rest: the lips still read {} IOD apart: {}",
                    String.format(java.util.Locale.ROOT, "%.3f", gap), FaceWarning.MOUTH_CLOSED_POORLY.message());
            best = new Result(best.photo(), best.analysis(), notes, best.expression(), best.interior());
        }
        return best;
    }

    /**
     * The warnings of a re-read rest, with a covered mouth only where the photo's own (first pass) analysis has one:
     * closing the lips puts no cover over them, but warping a half-closed, bearded mouth blurs the hair that tells a
     * beard from a cover (seen: family #0's re-read lips 1.38 times the skin's grain against 2.47 in the photo, so
     * its rest read covered and spoke at x0.35 mouth motion, sync 0.29).
     */
    private static Set<FaceWarning> coverOfThePhoto(FaceAnalysis reread, FaceAnalysis photo) {
        Set<FaceWarning> w = EnumSet.noneOf(FaceWarning.class);
        w.addAll(reread.warnings());
        if (!photo.warnings().contains(FaceWarning.MOUTH_OCCLUDED)) {
            w.remove(FaceWarning.MOUTH_OCCLUDED);
            w.remove(FaceWarning.MOUTH_KEPT_OPEN);
        }
        return w;
    }

    /**
     * Seals lips that the face model still reads apart after the closing passes. With {@code stretch}: along the
     * mouth, the band between the re-read inner lips, grown to take in what is neither lip nor skin next to it (a
     * dark line, traces of teeth, the tongue under a lower lip the mesh put on it), is covered by the lower lip
     * carried up onto the upper lip's line: the lower lip's own texture, stretched from a little below its re-read
     * inner edge ({@link #SEAL_SKIP}) down into the chin, nothing darkened and nothing painted flat. Either way, what
     * is still dark or teeth between the lips and within {@link #SEAL_CORNER} of their corners is then filled from
     * the lip and skin around it. The analysis' inner lips meet. Null when there is nothing to seal.
     */
    private static Result seal(Result best, FaceAnalysis read, boolean stretch) {
        BufferedImage photo = best.photo();
        int w = photo.getWidth();
        int h = photo.getHeight();
        FaceRig rig = FaceRig.create(read, w, h);
        byte[] src = Images.bgr(Images.toBgr(photo));
        double iod = rig.interOcular();
        double ax = rig.axisX();
        double ay = rig.axisY();
        double[][] upper = curve(rig, FaceRig.INNER_UPPER_FULL, ax, ay);
        double[][] lower = curve(rig, FaceRig.INNER_LOWER_FULL, ax, ay);
        double[][] upperOut = curve(rig, SEAL_UPPER_OUTER, ax, ay);
        double[][] lowerOut = curve(rig, SEAL_LOWER_OUTER, ax, ay);
        double ua = upper[0][0];
        double ub = upper[0][upper[0].length - 1];
        double step = 0.5;
        int steps = (int) Math.ceil((ub - ua) / step) + 1;
        if (steps < 4) {
            return null;
        }
        double lipLuma = lipLuma(rig, src);
        double[] top = new double[steps];
        double[] bot = new double[steps];
        double[] end = new double[steps];
        boolean any = false;
        for (int s = 0; s < steps; s++) {
            double u = ua + s * step;
            double vU = interp(upper[0], upper[1], u);
            double vL = Math.max(vU, interp(lower[0], lower[1], u));
            double vUo = Math.min(vU, interp(upperOut[0], upperOut[1], u));
            double vLo = Math.max(vL, interp(lowerOut[0], lowerOut[1], u));
            double from = vU - Math.min(SEAL_REACH * iod, 0.5 * (vU - vUo));
            double to = vL + Math.min(SEAL_REACH * iod, 0.5 * (vLo - vL));
            double first = Double.NaN;
            double last = Double.NaN;
            for (double v = from; v <= to; v += step) {
                double x = u * ax - v * ay;
                double y = u * ay + v * ax;
                if (notLip(src, w, h, x, y, lipLuma)) {
                    first = Double.isNaN(first) ? v : first;
                    last = v;
                }
            }
            double t = Double.isNaN(first) ? vU : Math.min(vU, first - step / 2);
            double b = Double.isNaN(last) ? vL : Math.max(vL, last + step / 2);
            top[s] = t;
            bot[s] = b + SEAL_SKIP * Math.max(0, vLo - b);
            end[s] = Math.max(vLo, b) + SEAL_CHIN * iod;
            any |= b - t > 0.3;
        }
        if (!any && stretch) {
            return null;
        }
        top = smooth(top);
        bot = smooth(bot);
        end = smooth(end);
        byte[] dst = src.clone();
        int n = rig.pointCount();
        float[] dx = new float[n];
        float[] dy = new float[n];
        if (stretch) {
            stretch(rig, src, dst, ua, ub, step, top, bot, end, dx, dy);
        }
        boolean filled = fillGaps(rig, dst, w, h, upperOut, lowerOut, lipLuma);
        if (!stretch && !filled) {
            return null;
        }
        int[] up = FaceRig.INNER_UPPER;
        int[] lo = FaceRig.INNER_LOWER;
        for (int k = 0; k < up.length; k++) { // the analysis' lips meet exactly
            dx[lo[k]] = rig.restX(up[k]) + dx[up[k]] - rig.restX(lo[k]);
            dy[lo[k]] = rig.restY(up[k]) + dy[up[k]] - rig.restY(lo[k]);
        }
        BufferedImage out = Images.fromBgr(dst, w, h);
        PhotoExpression mouth = new PhotoExpression(0, true, 0, 0, 0, false, false, false);
        FaceAnalysis m = moved(read, out, rig, dx, dy, mouth);
        FaceAnalysis a = best.analysis();
        return new Result(out, new FaceAnalysis(m.width(), m.height(), m.box(), m.mesh(), m.landmarks(),
                a.expression(), m.fit(), m.mask(), coverOfThePhoto(m, a)), best.relaxed(), best.expression(),
                best.interior());
    }

    /**
     * The lower lip carried up: each pixel from the band's top down to the chin takes the lower lip's texture from
     * the band's bottom down, stretched; the band's top edge anti-aliased. The lower lip's points move with it, the
     * lower inner lips onto the upper ones.
     */
    private static void stretch(FaceRig rig, byte[] src, byte[] dst, double ua, double ub, double step, double[] top,
                                double[] bot, double[] end, float[] dx, float[] dy) {
        int w = rig.plateWidth();
        int h = rig.plateHeight();
        double ax = rig.axisX();
        double ay = rig.axisY();
        int steps = top.length;
        float[][] bounds = bounds(ua, ub, top, end, ax, ay);
        int x0 = Math.max(0, (int) Math.floor(bounds[0][0]) - 1);
        int x1 = Math.min(w - 1, (int) Math.ceil(bounds[0][1]) + 1);
        int y0 = Math.max(0, (int) Math.floor(bounds[1][0]) - 1);
        int y1 = Math.min(h - 1, (int) Math.ceil(bounds[1][1]) + 1);
        double[] c = new double[3];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double u = x * ax + y * ay;
                double v = -x * ay + y * ax;
                int s = (int) Math.round((u - ua) / step);
                if (s < 0 || s >= steps || bot[s] - top[s] <= 0.3) {
                    continue;
                }
                double a = Math.max(0, Math.min(1, v - top[s] + 0.5));
                if (a <= 0 || v > end[s]) {
                    continue;
                }
                double sv = v <= top[s] ? bot[s]
                        : bot[s] + (v - top[s]) * (end[s] - bot[s]) / Math.max(1e-6, end[s] - top[s]);
                sample(src, w, h, u * ax - sv * ay, u * ay + sv * ax, c);
                int o = (y * w + x) * 3;
                for (int k = 0; k < 3; k++) {
                    dst[o + k] = (byte) Math.round((1 - a) * (src[o + k] & 0xFF) + a * c[k]);
                }
            }
        }
        int n = rig.pointCount();
        boolean[] lowerLip = mark(n, FaceRig.INNER_LOWER_FULL, LOWER_LIP_OUTER);
        for (int i = 0; i < n; i++) {
            if (!lowerLip[i]) {
                continue;
            }
            double u = rig.restX(i) * ax + rig.restY(i) * ay;
            double v = -rig.restX(i) * ay + rig.restY(i) * ax;
            int s = (int) Math.round((u - ua) / step);
            if (s < 0 || s >= steps || bot[s] - top[s] <= 0.3 || v > end[s]) {
                continue;
            }
            double nv = v <= bot[s] ? top[s]
                    : top[s] + (v - bot[s]) * (end[s] - top[s]) / Math.max(1e-6, end[s] - bot[s]);
            dx[i] = (float) (-(nv - v) * ay);
            dy[i] = (float) ((nv - v) * ax);
        }
    }

    /**
     * Fills what is dark or teeth inside the closed lips and just past their corners (a dark corner, a line between
     * the lips, traces of teeth) from the lip and skin around it (a membrane: each filled pixel the mean of its
     * neighbours), so the lips meet in lip colour. Whether anything was filled.
     */
    private static boolean fillGaps(FaceRig rig, byte[] img, int w, int h, double[][] upperOut, double[][] lowerOut,
                                    double lipLuma) {
        return fillGaps(rig, img, w, h, upperOut, lowerOut, lipLuma, Double.POSITIVE_INFINITY, SEAL_CORNER,
                (x, y, byTheLine) -> notLip(img, w, h, x, y, lipLuma));
    }

    /** Which pixels a fill takes: {@code byTheLine} where the pixel is near the lips' meeting line or past a corner. */
    private interface GapTest {
        boolean gap(int x, int y, boolean byTheLine);
    }

    /**
     * As {@link #fillGaps(FaceRig, byte[], int, int, double[][], double[][], double)}, filling only the gaps no longer
     * or wider than {@code maxSpeck} pixels (a speck, not the line between the lips), within {@code corner}
     * inter-ocular distances past the corners, the pixels {@code test} takes.
     */
    private static boolean fillGaps(FaceRig rig, byte[] img, int w, int h, double[][] upperOut, double[][] lowerOut,
                                    double lipLuma, double maxSpeck, double corner, GapTest test) {
        double iod = rig.interOcular();
        double ax = rig.axisX();
        double ay = rig.axisY();
        double ua = upperOut[0][0];
        double ub = upperOut[0][upperOut[0].length - 1];
        double past = corner * iod;
        double[] cu = {ua - past, ub + past};
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int k = 0; k < upperOut[0].length; k++) {
            for (double[][] c : new double[][][] {upperOut, lowerOut}) {
                for (double u : new double[] {c[0][k], k == 0 ? cu[0] : k == c[0].length - 1 ? cu[1] : c[0][k]}) {
                    double x = u * ax - c[1][k] * ay;
                    double y = u * ay + c[1][k] * ax;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        int x0 = Math.max(1, (int) Math.floor(minX - past));
        int x1 = Math.min(w - 2, (int) Math.ceil(maxX + past));
        int y0 = Math.max(1, (int) Math.floor(minY - past));
        int y1 = Math.min(h - 2, (int) Math.ceil(maxY + past));
        if (x1 <= x0 || y1 <= y0) {
            return false;
        }
        int bw = x1 - x0 + 1;
        int bh = y1 - y0 + 1;
        boolean[] gap = new boolean[bw * bh];
        double[] c = new double[3];
        int count = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double u = x * ax + y * ay;
                double v = -x * ay + y * ax;
                double lo;
                double hi;
                boolean nearLine = true; // past a corner, or by the line where the lips meet
                // Specks are looked for all round a corner, also just above and below the lips there.
                boolean byCorner = maxSpeck < Double.POSITIVE_INFINITY
                        && (Math.hypot(u - ua, v - upperOut[1][0]) <= past
                        || Math.hypot(u - ub, v - upperOut[1][upperOut[1].length - 1]) <= past);
                if (byCorner) {
                    lo = v;
                    hi = v;
                } else if (u < ua || u > ub) { // past a corner: within a disc around it
                    double cu0 = u < ua ? ua : ub;
                    double cv = u < ua ? upperOut[1][0] : upperOut[1][upperOut[1].length - 1];
                    if (Math.hypot(u - cu0, v - cv) > past) {
                        continue;
                    }
                    lo = v;
                    hi = v;
                } else {
                    lo = interp(upperOut[0], upperOut[1], u);
                    hi = interp(lowerOut[0], lowerOut[1], u);
                    double mid = (lo + hi) / 2;
                    nearLine = Math.abs(v - mid) <= SEAL_CORNER_HALF * iod;
                    lo = Math.min(lo, mid - SEAL_CORNER_HALF * iod);
                    hi = Math.max(hi, mid + SEAL_CORNER_HALF * iod);
                }
                if (v < lo || v > hi) {
                    continue;
                }
                if (test.gap(x, y, nearLine)) {
                    gap[(y - y0) * bw + x - x0] = true;
                    count++;
                }
            }
        }
        if (count > 0 && maxSpeck < Double.POSITIVE_INFINITY) {
            count = keepSpecks(gap, bw, bh, maxSpeck);
        }
        if (count == 0) {
            return false;
        }
        // Grown by a pixel: the soft edge of a dark line is darker than the lip, too.
        boolean[] grown = gap.clone();
        for (int y = 1; y < bh - 1; y++) {
            for (int x = 1; x < bw - 1; x++) {
                int i = y * bw + x;
                if (gap[i - 1] || gap[i + 1] || gap[i - bw] || gap[i + bw]) {
                    grown[i] = true;
                }
            }
        }
        for (int x = 0; x < bw; x++) { // the box's edge holds the fill
            grown[x] = false;
            grown[(bh - 1) * bw + x] = false;
        }
        for (int y = 0; y < bh; y++) {
            grown[y * bw] = false;
            grown[y * bw + bw - 1] = false;
        }
        double[][] f = new double[3][bw * bh];
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int o = ((y0 + y) * w + x0 + x) * 3;
                for (int k = 0; k < 3; k++) {
                    f[k][y * bw + x] = img[o + k] & 0xFF;
                }
            }
        }
        // Start from the mean of the untouched pixels next to the gaps, then relax.
        double[] mean = new double[3];
        int m = 0;
        for (int i = 0; i < grown.length; i++) {
            if (!grown[i] && i % bw > 0 && i % bw < bw - 1 && i / bw > 0 && i / bw < bh - 1
                    && (grown[i - 1] || grown[i + 1] || grown[i - bw] || grown[i + bw])) {
                for (int k = 0; k < 3; k++) {
                    mean[k] += f[k][i];
                }
                m++;
            }
        }
        for (int i = 0; i < grown.length; i++) {
            if (grown[i]) {
                for (int k = 0; k < 3; k++) {
                    f[k][i] = m == 0 ? lipLuma : mean[k] / m;
                }
            }
        }
        for (int it = 0; it < 80; it++) {
            for (int i = 0; i < grown.length; i++) {
                if (grown[i]) {
                    for (int k = 0; k < 3; k++) {
                        f[k][i] = (f[k][i - 1] + f[k][i + 1] + f[k][i - bw] + f[k][i + bw]) / 4;
                    }
                }
            }
        }
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                if (grown[y * bw + x]) {
                    int o = ((y0 + y) * w + x0 + x) * 3;
                    for (int k = 0; k < 3; k++) {
                        img[o + k] = (byte) Math.max(0, Math.min(255, Math.round(f[k][y * bw + x])));
                    }
                }
            }
        }
        return true;
    }

    /**
     * Keeps in {@code gap} only its 8-connected parts that fit in a {@code max}-pixel square (specks: a dark corner
     * pinched to a dot, a fleck of teeth), clearing the larger ones (the line where the lips meet stays); returns the
     * pixels kept.
     */
    private static int keepSpecks(boolean[] gap, int bw, int bh, double max) {
        int[] stack = new int[gap.length];
        int[] part = new int[gap.length];
        boolean[] seen = new boolean[gap.length];
        int kept = 0;
        for (int start = 0; start < gap.length; start++) {
            if (!gap[start] || seen[start]) {
                continue;
            }
            int n = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int minX = bw;
            int maxX = -1;
            int minY = bh;
            int maxY = -1;
            while (top > 0) {
                int i = stack[--top];
                part[n++] = i;
                int x = i % bw;
                int y = i / bw;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < bw && yy < bh) {
                            int j = yy * bw + xx;
                            if (gap[j] && !seen[j]) {
                                seen[j] = true;
                                stack[top++] = j;
                            }
                        }
                    }
                }
            }
            if (maxX - minX + 1 <= max && maxY - minY + 1 <= max) {
                kept += n;
            } else {
                for (int k = 0; k < n; k++) {
                    gap[part[k]] = false;
                }
            }
        }
        return kept;
    }

    /**
     * A closed rest's specks filled (see {@link #SPECK}): the dark corners a closing warp pinches into dots and the
     * flecks of teeth it leaves at the corners, found as in a seal but filled only where they are small; the
     * analysis is unchanged. The same result when there is none.
     */
    static Result despeckle(Result best) {
        BufferedImage photo = best.photo();
        int w = photo.getWidth();
        int h = photo.getHeight();
        FaceRig rig = FaceRig.create(best.analysis(), w, h);
        byte[] src = Images.bgr(Images.toBgr(photo)); // read only: the photo may be shared
        byte[] img = src.clone();
        double ax = rig.axisX();
        double ay = rig.axisY();
        double[][] upperOut = curve(rig, SEAL_UPPER_OUTER, ax, ay);
        double[][] lowerOut = curve(rig, SEAL_LOWER_OUTER, ax, ay);
        double max = Math.max(3, SPECK * rig.interOcular());
        int r = (int) Math.max(2, Math.round(SPECK_RING * rig.interOcular()));
        if (!fillGaps(rig, img, w, h, upperOut, lowerOut, lipLuma(rig, img), max, SPECK_CORNER,
                (x, y, byTheLine) -> speck(src, w, h, x, y, r, byTheLine))) {
            return best;
        }
        return new Result(Images.fromBgr(img, w, h), best.analysis(), best.relaxed(), best.expression(),
                best.interior());
    }

    /** Points as (u, v) along and across the eye line, plate pixels, sorted by u. */
    private static double[][] curve(FaceRig rig, int[] idx, double ax, double ay) {
        double[] u = new double[idx.length];
        double[] v = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            u[k] = rig.restX(idx[k]) * ax + rig.restY(idx[k]) * ay;
            v[k] = -rig.restX(idx[k]) * ay + rig.restY(idx[k]) * ax;
        }
        sortByFirst(u, v);
        return new double[][] {u, v};
    }

    private static double[] smooth(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double sum = 0;
            int cnt = 0;
            for (int j = Math.max(0, i - 2); j <= Math.min(a.length - 1, i + 2); j++) {
                sum += a[j];
                cnt++;
            }
            out[i] = sum / cnt;
        }
        return out;
    }

    /** The image box of the region between {@code top} and {@code end} along u: {{minX, maxX}, {minY, maxY}}. */
    private static float[][] bounds(double ua, double ub, double[] top, double[] end, double ax, double ay) {
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int s = 0; s < top.length; s++) {
            double u = Math.min(ub, ua + s * 0.5);
            for (double v : new double[] {top[s] - 1, end[s] + 1}) {
                float x = (float) (u * ax - v * ay);
                float y = (float) (u * ay + v * ax);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        return new float[][] {{minX, maxX}, {minY, maxY}};
    }

    /** Bilinear BGR sample. */
    private static void sample(byte[] bgr, int w, int h, double x, double y, double[] out) {
        double fx = Math.max(0, Math.min(w - 1.001, x));
        double fy = Math.max(0, Math.min(h - 1.001, y));
        int xi = (int) fx;
        int yi = (int) fy;
        double tx = fx - xi;
        double ty = fy - yi;
        for (int c = 0; c < 3; c++) {
            double p00 = bgr[(yi * w + xi) * 3 + c] & 0xFF;
            double p10 = bgr[(yi * w + xi + 1) * 3 + c] & 0xFF;
            double p01 = bgr[((yi + 1) * w + xi) * 3 + c] & 0xFF;
            double p11 = bgr[((yi + 1) * w + xi + 1) * 3 + c] & 0xFF;
            out[c] = (1 - ty) * ((1 - tx) * p00 + tx * p10) + ty * ((1 - tx) * p01 + tx * p11);
        }
    }

    /**
     * A speck: a pixel much darker than the ring of pixels {@code r} around it (a pinched dark corner), or, by the
     * lips' meeting line or past a corner, much paler and unsaturated (a fleck of teeth; a highlight on a lip is
     * further from the line).
     */
    private static boolean speck(byte[] bgr, int w, int h, int x, int y, int r, boolean byTheLine) {
        if (x < r || y < r || x >= w - r || y >= h - r) {
            return false;
        }
        double[] ring = new double[12];
        for (int k = 0; k < ring.length; k++) {
            double a = 2 * Math.PI * k / ring.length;
            int o = ((y + (int) Math.round(r * Math.sin(a))) * w + x + (int) Math.round(r * Math.cos(a))) * 3;
            ring[k] = 0.114 * (bgr[o] & 0xFF) + 0.587 * (bgr[o + 1] & 0xFF) + 0.299 * (bgr[o + 2] & 0xFF);
        }
        java.util.Arrays.sort(ring);
        double around = (ring[5] + ring[6]) / 2;
        int o = (y * w + x) * 3;
        int b = bgr[o] & 0xFF;
        int g = bgr[o + 1] & 0xFF;
        int rr = bgr[o + 2] & 0xFF;
        double luma = 0.114 * b + 0.587 * g + 0.299 * rr;
        if (luma < SPECK_DARK * around && around - luma > 20) {
            return true;
        }
        int max = Math.max(rr, Math.max(g, b));
        int min = Math.min(rr, Math.min(g, b));
        return byTheLine && luma > SPECK_PALE * around && luma - around > 25 && max - min < 0.45 * max;
    }

    /** Neither lip nor skin between the lips: dark (the mouth, a shadowed line) or teeth. */
    private static boolean notLip(byte[] bgr, int w, int h, double x, double y, double lipLuma) {
        double[] c = new double[3];
        sample(bgr, w, h, x, y, c);
        double luma = 0.114 * c[0] + 0.587 * c[1] + 0.299 * c[2];
        double max = Math.max(c[0], Math.max(c[1], c[2]));
        double min = Math.min(c[0], Math.min(c[1], c[2]));
        double sat = max <= 0 ? 0 : (max - min) / max;
        return luma < SEAL_DARK * lipLuma || (luma > lipLuma * 1.25 + 10 && sat < 0.45);
    }

    /** The expression relaxed: lips closed, grin and brows let down (the eyes as they are). */
    private static Result relax(BufferedImage photo, FaceAnalysis face) {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(face, "face");
        return close(photo, face, PhotoExpression.of(face));
    }

    /** Warps {@code photo} (analysed as {@code face}) as {@code ex} asks: lips closed, grin and brows let down. */
    private static Result close(BufferedImage photo, FaceAnalysis face, PhotoExpression ex) {
        Set<FaceWarning> notes = EnumSet.noneOf(FaceWarning.class);
        notes.addAll(ex.warnings());
        if (!ex.changesAnything()) {
            return new Result(photo, face, notes, ex);
        }
        long t0 = System.nanoTime();
        Cancellation.check();
        int w = photo.getWidth();
        int h = photo.getHeight();
        FaceRig rig = FaceRig.create(face, w, h);
        int n = rig.pointCount();
        float[] dx = new float[n];
        float[] dy = new float[n];
        BufferedImage bgrPhoto = Images.toBgr(photo);
        byte[] src = Images.bgr(bgrPhoto);
        boolean[] lowerSide = new boolean[n];
        float[] fixX = new float[n];
        float[] fixY = new float[n];
        if (ex.closeMouth()) {
            closeMouth(rig, src, dx, dy, lowerSide, fixX, fixY);
        }
        float[] off = new float[2];
        addControl(rig, FaceControl.MOUTH_SMILE, -SMILE_UNDO * ex.smile(), dx, dy, off);
        addControl(rig, FaceControl.BROW_INNER_UP, -BROW_UNDO * ex.browUp(), dx, dy, off);
        addControl(rig, FaceControl.BROW_DOWN, -BROW_UNDO * ex.browDown(), dx, dy, off);
        Cancellation.check();
        byte[] dst = src.clone();
        if (ex.closeMouth()) {
            fillMouth(rig, src, dst);
        }
        int[] tri = rig.trianglesShared();
        float[] d = new float[6];
        float[] s = new float[6];
        // Two passes: the lower lip and jaw last, so the risen lower lip covers the teeth under the upper lip.
        for (int pass = 0; pass < 2; pass++) {
          for (int t = 0; t < tri.length; t += 3) {
            int low = (lowerSide[tri[t]] ? 1 : 0) + (lowerSide[tri[t + 1]] ? 1 : 0) + (lowerSide[tri[t + 2]] ? 1 : 0);
            if ((low >= 2) != (pass == 1)) {
                continue;
            }
            boolean moved = false;
            for (int k = 0; k < 3; k++) {
                int i = tri[t + k];
                moved |= dx[i] != 0 || dy[i] != 0;
                s[2 * k] = rig.restX(i);
                s[2 * k + 1] = rig.restY(i);
                d[2 * k] = rig.restX(i) + dx[i];
                d[2 * k + 1] = rig.restY(i) + dy[i];
            }
            // The triangles of the gap between the lips collapse or turn over as the lips meet: they would smear the
            // teeth into the closed mouth, so only triangles that keep their winding and some area are drawn.
            if (moved && area(d) * Math.signum(area(s)) > 0.5) {
                TriangleWarp.warp(src, dst, w, h, d, s);
            }
          }
        }
        if (ex.closeMouth()) {
            softenLipLine(rig, dx, dy, dst, w, h);
        }
        for (int i = 0; i < n; i++) { // the analysis' lips meet exactly (the drawn lower lip overlaps a little)
            dx[i] += fixX[i];
            dy[i] += fixY[i];
        }
        Cancellation.check();
        BufferedImage out = Images.fromBgr(dst, w, h);
        FaceAnalysis moved = moved(face, out, rig, dx, dy, ex);
        LOG.info("Neutral rest: {} (lip gap {} IOD, smile {}, brows +{}/-{}) in {} ms", notes,
                String.format(java.util.Locale.ROOT, "%.3f", ex.lipGap()),
                String.format(java.util.Locale.ROOT, "%.2f", ex.smile()),
                String.format(java.util.Locale.ROOT, "%.2f", ex.browUp()),
                String.format(java.util.Locale.ROOT, "%.2f", ex.browDown()), (System.nanoTime() - t0) / 1_000_000);
        return new Result(out, moved, notes, ex, ex.closeMouth() ? MouthInterior.capture(rig, src) : null);
    }

    private static double area(float[] t) {
        return ((t[2] - t[0]) * (t[5] - t[1]) - (t[4] - t[0]) * (t[3] - t[1])) / 2.0;
    }

    private static void addControl(FaceRig rig, FaceControl c, double weight, float[] dx, float[] dy, float[] off) {
        if (weight == 0) {
            return;
        }
        for (int i = 0; i < rig.pointCount(); i++) {
            rig.controlOffset(c, weight, i, off);
            dx[i] += off[0];
            dy[i] += off[1];
        }
    }

    /**
     * Closes the lips: every inner-lip pair meets at a line a {@link #UPPER_SHARE} of the way down the gap; the
     * lower lip, chin and jaw rise with the lower inner lip (the full centre gap, fading towards the jaw's angles and
     * down the neck), the upper lip comes down with the upper inner lip (fading within a lip's height above it).
     * Where the mesh put the upper inner lip on the teeth (wide open mouths), the teeth seen above it count as gap:
     * the line is found from the pixels, the teeth are squeezed into it and the lower lip, drawn last, covers them.
     */
    private static void closeMouth(FaceRig rig, byte[] bgr, float[] dx, float[] dy, boolean[] lowerSide,
                                   float[] fixX, float[] fixY) {
        int n = rig.pointCount();
        double iod = rig.interOcular();
        double ax = rig.axisX();
        double ay = rig.axisY();
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = (rig.restX(i) * ax + rig.restY(i) * ay) / iod;
            v[i] = (-rig.restX(i) * ay + rig.restY(i) * ax) / iod;
        }
        int[] up = FaceRig.INNER_UPPER;
        int[] lo = FaceRig.INNER_LOWER;
        int m = up.length + 2;
        double[] pu = new double[m];
        double[] gap = new double[m];
        double[] lineV = new double[m];
        pu[0] = u[78];
        lineV[0] = v[78];
        pu[m - 1] = u[308];
        lineV[m - 1] = v[308];
        double lipLuma = lipLuma(rig, bgr);
        double[] pairLine = new double[up.length];
        for (int k = 0; k < up.length; k++) {
            double teeth = teethAbove(rig, bgr, up[k], lipLuma);
            double upEff = v[up[k]] - teeth;
            double g = Math.max(0, v[lo[k]] - upEff);
            pu[k + 1] = (u[up[k]] + u[lo[k]]) / 2;
            gap[k + 1] = g;
            lineV[k + 1] = upEff + UPPER_SHARE * g;
            pairLine[k] = lineV[k + 1];
        }
        sortByFirst(pu, gap, lineV);
        double mouthC = (u[78] + u[308]) / 2;
        double half = Math.max(0.05, Math.abs(u[308] - u[78]) / 2);
        double centreGap = interp(pu, gap, mouthC);
        double chinV = v[152];
        boolean[] lowerLip = mark(n, FaceRig.INNER_LOWER_FULL, LOWER_LIP_OUTER);
        boolean[] upperLip = mark(n, FaceRig.INNER_UPPER_FULL, UPPER_LIP_OUTER);
        int outerRing = Landmarks478.SIZE + 2 * ((n - Landmarks478.SIZE) / 3);
        double[] dvs = new double[n];
        for (int i = 0; i < n; i++) {
            if (i >= outerRing || (i >= Landmarks478.RIGHT_IRIS_CENTER && i < Landmarks478.SIZE)) {
                continue; // the outer ring holds the warp to the untouched photo; irises are far from the mouth
            }
            double uu = u[i];
            double g = interp(pu, gap, uu);
            double line = interp(pu, lineV, uu);
            boolean lower = lowerLip[i] || (!upperLip[i] && v[i] > line);
            double lateral = Math.abs(uu - mouthC);
            if (lower) {
                lowerSide[i] = true;
                // On and near the lip: the gap at this u exactly; further down and out: the jaw, with the centre gap.
                double s = v[i] - line;
                double onLip = lowerLip[i] ? 1 : Math.exp(-(s * s) / (0.2 * 0.2)) * (lateral < half ? 1 : 0);
                double jaw = centreGap * (1 - FaceRig.smooth(0.5 * half, half + 0.6, lateral))
                        * (1 - FaceRig.smooth(chinV, chinV + 0.45, v[i]));
                dvs[i] = -(1 - UPPER_SHARE) * (onLip * g + (1 - onLip) * jaw);
            } else {
                double s = line - v[i];
                double near = upperLip[i] ? 1 : Math.exp(-(s * s) / (0.12 * 0.12)) * (lateral < half + 0.05 ? 1 : 0);
                dvs[i] = UPPER_SHARE * g * near;
            }
        }
        // The inner lips exactly: upper ones onto the line, lower ones a little past it (tucked under the upper lip).
        for (int k = 0; k < up.length; k++) {
            dvs[up[k]] = pairLine[k] - v[up[k]];
            dvs[lo[k]] = pairLine[k] + MEET - v[lo[k]];
            fixY[lo[k]] = (float) (-MEET * ax * iod);
            fixX[lo[k]] = (float) (MEET * ay * iod);
        }
        for (int i = 0; i < n; i++) {
            if (dvs[i] != 0) {
                dx[i] += (float) (-dvs[i] * ay * iod);
                dy[i] += (float) (dvs[i] * ax * iod);
            }
        }
    }

    /**
     * Paints the photo's mouth opening (inside the inner lips) with the lower lip's colour first, so that any sliver
     * the closed lips leave uncovered (their corners, where the gap's triangles fold away) shows lip, not the teeth
     * or the dark cavity.
     */
    private static void fillMouth(FaceRig rig, byte[] src, byte[] dst) {
        int[] upper = FaceRig.INNER_UPPER_FULL;
        int[] lower = FaceRig.INNER_LOWER_FULL;
        float[] px = new float[upper.length + lower.length - 2];
        float[] py = new float[px.length];
        int k = 0;
        for (int i : upper) {
            px[k] = rig.restX(i);
            py[k++] = rig.restY(i);
        }
        for (int j = lower.length - 2; j >= 1; j--) {
            px[k] = rig.restX(lower[j]);
            py[k++] = rig.restY(lower[j]);
        }
        double[] lip = new double[3];
        int[][] pairs = {{14, 17}, {87, 84}, {317, 314}, {178, 181}, {402, 405}};
        int w = rig.plateWidth();
        int h = rig.plateHeight();
        for (int[] p : pairs) {
            int xi = Math.max(0, Math.min(w - 1, Math.round((rig.restX(p[0]) + rig.restX(p[1])) / 2)));
            int yi = Math.max(0, Math.min(h - 1, Math.round((rig.restY(p[0]) + rig.restY(p[1])) / 2)));
            for (int c = 0; c < 3; c++) {
                lip[c] += (src[(yi * w + xi) * 3 + c] & 0xFF) / (double) pairs.length;
            }
        }
        PolygonCoverage cov = new PolygonCoverage();
        cov.rasterize(px, py, k, w, h);
        for (int y = 0; y < cov.h; y++) {
            for (int x = 0; x < cov.w; x++) {
                float a = cov.cov[y * cov.w + x];
                if (a <= 0) {
                    continue;
                }
                int o = ((cov.y0 + y) * w + cov.x0 + x) * 3;
                for (int c = 0; c < 3; c++) {
                    dst[o + c] = (byte) Math.round((1 - a) * (dst[o + c] & 0xFF) + a * lip[c]);
                }
            }
        }
    }

    /**
     * Anti-aliases the new line where the lips meet: the risen lower lip's edge is a triangle edge drawn without
     * coverage, which shows as stair steps along the shallow lip line; pixels within a pixel and a half of it take a
     * 3x3 mean.
     */
    private static void softenLipLine(FaceRig rig, float[] dx, float[] dy, byte[] img, int w, int h) {
        int[] line = FaceRig.INNER_LOWER_FULL;
        float[] lx = new float[line.length];
        float[] ly = new float[line.length];
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int k = 0; k < line.length; k++) {
            lx[k] = rig.restX(line[k]) + dx[line[k]];
            ly[k] = rig.restY(line[k]) + dy[line[k]];
            minX = Math.min(minX, lx[k]);
            maxX = Math.max(maxX, lx[k]);
            minY = Math.min(minY, ly[k]);
            maxY = Math.max(maxY, ly[k]);
        }
        int x0 = Math.max(1, (int) minX - 2);
        int x1 = Math.min(w - 2, (int) maxX + 2);
        int y0 = Math.max(1, (int) minY - 2);
        int y1 = Math.min(h - 2, (int) maxY + 2);
        if (x1 < x0 || y1 < y0) {
            return;
        }
        byte[] copy = img.clone();
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double best = Double.MAX_VALUE;
                for (int k = 0; k + 1 < line.length; k++) {
                    best = Math.min(best, segmentDistance(x + 0.5, y + 0.5, lx[k], ly[k], lx[k + 1], ly[k + 1]));
                }
                if (best > 1.5) {
                    continue;
                }
                int o = (y * w + x) * 3;
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    for (int yy = -1; yy <= 1; yy++) {
                        for (int xx = -1; xx <= 1; xx++) {
                            sum += copy[o + (yy * w + xx) * 3 + c] & 0xFF;
                        }
                    }
                    img[o + c] = (byte) Math.round(sum / 9.0);
                }
            }
        }
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax;
        double vy = by - ay;
        double len2 = vx * vx + vy * vy;
        double t = len2 <= 1e-12 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2));
        return Math.hypot(px - ax - t * vx, py - ay - t * vy);
    }

    /** Mean luma of the lower lip (between its inner and outer centre points). */
    private static double lipLuma(FaceRig rig, byte[] bgr) {
        double sum = 0;
        int[][] pairs = {{14, 17}, {87, 84}, {317, 314}};
        for (int[] p : pairs) {
            sum += luma(bgr, rig.plateWidth(), rig.plateHeight(), (rig.restX(p[0]) + rig.restX(p[1])) / 2,
                    (rig.restY(p[0]) + rig.restY(p[1])) / 2);
        }
        return sum / pairs.length;
    }

    /**
     * How far above an upper inner-lip point teeth show (bright, pale pixels), inter-ocular distances, up to 0.15:
     * the lip's real edge in a wide open mouth where the mesh slid onto the teeth.
     */
    private static double teethAbove(FaceRig rig, byte[] bgr, int point, double lipLuma) {
        double iod = rig.interOcular();
        double ux = rig.axisY(); // "up the face" in pixels: -v direction = (ay, -ax)
        double uy = -rig.axisX();
        double step = 0.5 / iod;
        double reach = 0;
        int w = rig.plateWidth();
        int h = rig.plateHeight();
        for (double t = 0; t <= 0.15; t += step) {
            double x = rig.restX(point) + ux * t * iod;
            double y = rig.restY(point) + uy * t * iod;
            if (!teeth(bgr, w, h, x, y, lipLuma)) {
                break;
            }
            reach = t;
        }
        return reach;
    }

    private static boolean teeth(byte[] bgr, int w, int h, double x, double y, double lipLuma) {
        int xi = (int) Math.round(x);
        int yi = (int) Math.round(y);
        if (xi < 0 || yi < 0 || xi >= w || yi >= h) {
            return false;
        }
        int o = (yi * w + xi) * 3;
        int b = bgr[o] & 0xFF;
        int g = bgr[o + 1] & 0xFF;
        int r = bgr[o + 2] & 0xFF;
        double luma = 0.114 * b + 0.587 * g + 0.299 * r;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double sat = max == 0 ? 0 : (max - min) / (double) max;
        // Teeth: bright and pale. (Counting dark pixels as cavity too pulled the lower lip into moustaches.)
        return luma > lipLuma * 1.25 + 10 && sat < 0.45;
    }

    private static double luma(byte[] bgr, int w, int h, double x, double y) {
        int xi = Math.max(0, Math.min(w - 1, (int) Math.round(x)));
        int yi = Math.max(0, Math.min(h - 1, (int) Math.round(y)));
        int o = (yi * w + xi) * 3;
        return 0.114 * (bgr[o] & 0xFF) + 0.587 * (bgr[o + 1] & 0xFF) + 0.299 * (bgr[o + 2] & 0xFF);
    }

    private static final int[] SEAL_UPPER_OUTER = {61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291};
    private static final int[] SEAL_LOWER_OUTER = {61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291};
    private static final int[] LOWER_LIP_OUTER = {146, 91, 181, 84, 17, 314, 405, 321, 375, 77, 90, 180, 85, 16, 315,
            404, 320, 96, 89, 179, 86, 15, 316, 403, 319, 325};
    private static final int[] UPPER_LIP_OUTER = {185, 40, 39, 37, 0, 267, 269, 270, 409, 184, 74, 73, 72, 11, 302,
            303, 304, 408, 183, 42, 41, 38, 12, 268, 271, 272, 407};

    private static boolean[] mark(int n, int[] a, int[] b) {
        boolean[] m = new boolean[n];
        for (int i : a) {
            m[i] = true;
        }
        for (int i : b) {
            m[i] = true;
        }
        m[78] = false; // corners belong to neither lip: they stay
        m[308] = false;
        return m;
    }

    private static void sortByFirst(double[] key, double[]... values) {
        for (int a = 1; a < key.length; a++) {
            for (int b = a; b > 0 && key[b - 1] > key[b]; b--) {
                swap(key, b);
                for (double[] v : values) {
                    swap(v, b);
                }
            }
        }
    }

    private static void swap(double[] a, int b) {
        double t = a[b];
        a[b] = a[b - 1];
        a[b - 1] = t;
    }

    /** Piecewise-linear value at {@code x}, clamped to the ends. */
    private static double interp(double[] xs, double[] ys, double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int k = 1; k < xs.length; k++) {
            if (x <= xs[k]) {
                double span = xs[k] - xs[k - 1];
                double t = span <= 1e-12 ? 1 : (x - xs[k - 1]) / span;
                return ys[k - 1] + t * (ys[k] - ys[k - 1]);
            }
        }
        return ys[ys.length - 1];
    }

    /** The analysis with its landmarks moved by the rest's displacement and the relaxed blendshapes zeroed. */
    private static FaceAnalysis moved(FaceAnalysis face, BufferedImage photo, FaceRig rig, float[] dx, float[] dy,
                                      PhotoExpression ex) {
        double sx = face.width() / (double) rig.plateWidth();
        double sy = face.height() / (double) rig.plateHeight();
        List<FaceMesh.Landmark> pts = new ArrayList<>(Landmarks478.SIZE);
        Landmarks478 lm = face.landmarks();
        for (int i = 0; i < Landmarks478.SIZE; i++) {
            FaceMesh.Landmark p = lm.get(i);
            pts.add(new FaceMesh.Landmark(p.x() + dx[i] * sx, p.y() + dy[i] * sy, p.z()));
        }
        Landmarks478 moved = new Landmarks478(pts, lm.rightEye(), lm.leftEye());
        float[] bs = face.expression().weights();
        if (ex.closeMouth()) {
            bs[Blendshapes.Name.jawOpen.ordinal()] = 0;
            bs[Blendshapes.Name.mouthClose.ordinal()] = 0;
        }
        if (ex.smile() > 0) {
            bs[Blendshapes.Name.mouthSmileLeft.ordinal()] = 0;
            bs[Blendshapes.Name.mouthSmileRight.ordinal()] = 0;
        }
        if (ex.browUp() > 0) {
            bs[Blendshapes.Name.browInnerUp.ordinal()] = 0;
        }
        if (ex.browDown() > 0) {
            bs[Blendshapes.Name.browDownLeft.ordinal()] = 0;
            bs[Blendshapes.Name.browDownRight.ordinal()] = 0;
        }
        FaceMesh mesh = moved.mesh(face.mesh().presence());
        // Teeth read as "something covers the mouth": measured again on the closed mouth.
        Set<FaceWarning> warnings = EnumSet.noneOf(FaceWarning.class);
        warnings.addAll(face.warnings());
        if (ex.closeMouth() && !Occlusion.measure(photo, mesh).mouthOccluded()) {
            warnings.remove(FaceWarning.MOUTH_OCCLUDED);
        }
        return new FaceAnalysis(face.width(), face.height(), face.box(), mesh, moved, new Blendshapes(bs),
                face.fit(), face.mask(), warnings);
    }
}
