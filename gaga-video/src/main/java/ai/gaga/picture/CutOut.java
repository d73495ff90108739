package ai.gaga.picture;

import ai.gaga.rig.AnimatedPlate;

import java.util.Arrays;

/**
 * One actor cut out of their photo for a two-shot with an actor from another photo: a soft matte and colours
 * cleaned of the old background.
 *
 * <ul>
 *   <li>Matte: the person probability tightened (up to {@link ShotCompositor#EDGE_LOW} is background, from
 *       {@link ShotCompositor#EDGE_HIGH} person), then softened by a small blur so the segmenter's blocky edge reads
 *       as a soft one; faded out where the photo ends at its top and sides (never at its bottom, which lies below
 *       the frame's bottom edge in a grounded two-shot).</li>
 *   <li>Colour decontamination: along the edge, where the matte is partly transparent, a pixel's colour is a mix
 *       of the person and the old background. Each edge pixel takes the colour of the person nearby (a normalised
 *       blur of the opaque interior) in proportion to its transparency, so neither a fringe nor a ghost of the old
 *       background is carried onto the new one.</li>
 * </ul>
 * The actor's plate (animated or still) is copied where it changes each frame and the edge cleaned there again; the
 * rest stays cleaned from the start. Where an animated plate's body breathes and sways, the matte's silhouette moves
 * with it: the band of the matte within the body's reach is resampled each frame, matte and cleaned colours alike,
 * from where the body layer brought those pixels from. Not thread-safe (one render thread).
 */
final class CutOut {
    /** Matte value from which a pixel counts as the person's interior (its colour is trusted). */
    private static final int INTERIOR = 242;

    private final ActorPlate plate;
    private final int width;
    private final int height;
    final byte[] alpha;
    final int[] extent;
    private final byte[] bgr;
    /** Edge pixels: index, weight of the photo's own colour (0..256), and the person colour nearby (B, G, R). */
    private final int[] edge;
    private final int[] edgeWeight;
    private final byte[] edgeColour;
    /** Per plate index, the position in {@link #edge} or -1. */
    private final int[] edgeAt;
    private final int[] previous = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
    /** Mean B, G, R of the person (interior pixels of the rest plate). */
    final double[] mean = new double[3];
    private int drawn = Integer.MIN_VALUE;
    /** The animated plate whose body moves the silhouette's {@link #band}, or null. */
    private final AnimatedPlate body;
    /** Plate indices of the silhouette band the body moves, and the matte and cleaned colours at rest. */
    private final int[] band;
    private final byte[] restAlpha;
    private final byte[] restClean;

    CutOut(ActorPlate plate, double feather, double low, double high) {
        this.plate = plate;
        this.width = plate.width();
        this.height = plate.height();
        this.alpha = matte(plate.personAlpha().orElseThrow(), width, height, feather, low, high);
        AnimatedPlate body = plate instanceof AnimatedPlate a && a.bodyReach() > 0 ? a : null;
        int reach = body == null ? 0 : (int) Math.ceil(body.bodyReach()) + 1;
        // Where the shoulders rise, the matte rises with them: the columns the sampler visits reach that far too.
        this.extent = ShotCompositor.extent(reach == 0 ? alpha : near(alpha, width, height, reach, a -> a > 0),
                width, height);
        byte[] rest = plate.bgr().clone();
        this.bgr = rest.clone();
        // Person colour near each pixel: blur of interior colours divided by blur of the interior mask.
        int n = width * height;
        int[] cb = new int[n];
        int[] cg = new int[n];
        int[] cr = new int[n];
        int[] cw = new int[n];
        long[] sum = new long[3];
        long count = 0;
        for (int i = 0; i < n; i++) {
            if ((alpha[i] & 0xff) >= INTERIOR) {
                // scaled by 256 so the blurred sums keep their fractions
                cb[i] = (rest[3 * i] & 0xff) << 8;
                cg[i] = (rest[3 * i + 1] & 0xff) << 8;
                cr[i] = (rest[3 * i + 2] & 0xff) << 8;
                cw[i] = 256;
                sum[0] += rest[3 * i] & 0xff;
                sum[1] += rest[3 * i + 1] & 0xff;
                sum[2] += rest[3 * i + 2] & 0xff;
                count++;
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] = count == 0 ? 128 : sum[c] / (double) count;
        }
        int r = Math.max(2, (int) Math.round(0.012 * Math.min(width, height)));
        for (int[] a : new int[][] {cb, cg, cr, cw}) {
            blur(a, width, height, r);
            blur(a, width, height, r);
        }
        int edges = 0;
        for (int i = 0; i < n; i++) {
            int a = alpha[i] & 0xff;
            if (a > 0 && a < INTERIOR) {
                edges++;
            }
        }
        edge = new int[edges];
        edgeWeight = new int[edges];
        edgeColour = new byte[3 * edges];
        edgeAt = new int[n];
        Arrays.fill(edgeAt, -1);
        int k = 0;
        for (int i = 0; i < n; i++) {
            int a = alpha[i] & 0xff;
            if (a > 0 && a < INTERIOR) {
                edge[k] = i;
                edgeAt[i] = k;
                double t = a / (double) INTERIOR;
                // The more transparent, the more of the person's colour nearby; where no interior is near, the
                // person's mean colour.
                edgeWeight[k] = (int) Math.round(256 * t * t);
                double wsum = cw[i];
                edgeColour[3 * k] = (byte) Math.round(wsum > 0 ? cb[i] / wsum : mean[0]);
                edgeColour[3 * k + 1] = (byte) Math.round(wsum > 0 ? cg[i] / wsum : mean[1]);
                edgeColour[3 * k + 2] = (byte) Math.round(wsum > 0 ? cr[i] / wsum : mean[2]);
                clean(k, rest);
                k++;
            }
        }
        // The silhouette's band that the body moves: pixels with body weight whose matte, within the body's reach,
        // is neither all person nor all background.
        if (body != null) {
            byte[] person = near(alpha, width, height, reach, a -> a > 0);
            byte[] background = near(alpha, width, height, reach, a -> a < 255);
            int moving = 0;
            int[] band = new int[n];
            for (int i = 0; i < n; i++) {
                if (person[i] != 0 && background[i] != 0
                        && body.bodyWeight(i % width + 0.5, i / width + 0.5) > 0) {
                    band[moving++] = i;
                }
            }
            this.body = moving == 0 ? null : body;
            this.band = Arrays.copyOf(band, moving);
            this.restAlpha = alpha.clone();
            this.restClean = bgr.clone();
        } else {
            this.body = null;
            this.band = new int[0];
            this.restAlpha = null;
            this.restClean = null;
        }
    }

    /** 255 where any pixel within {@code r} (a square window) passes {@code test}, else 0: two sliding counts. */
    static byte[] near(byte[] v, int w, int h, int r, java.util.function.IntPredicate test) {
        int[] rows = new int[v.length];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            int count = 0;
            for (int x = 0; x < Math.min(w, r); x++) {
                count += test.test(v[o + x] & 0xff) ? 1 : 0;
            }
            for (int x = 0; x < w; x++) {
                if (x + r < w) {
                    count += test.test(v[o + x + r] & 0xff) ? 1 : 0;
                }
                if (x - r - 1 >= 0) {
                    count -= test.test(v[o + x - r - 1] & 0xff) ? 1 : 0;
                }
                rows[o + x] = count;
            }
        }
        byte[] out = new byte[v.length];
        for (int x = 0; x < w; x++) {
            int count = 0;
            for (int y = 0; y < Math.min(h, r); y++) {
                count += rows[y * w + x] > 0 ? 1 : 0;
            }
            for (int y = 0; y < h; y++) {
                if (y + r < h) {
                    count += rows[(y + r) * w + x] > 0 ? 1 : 0;
                }
                if (y - r - 1 >= 0) {
                    count -= rows[(y - r - 1) * w + x] > 0 ? 1 : 0;
                }
                out[y * w + x] = (byte) (count > 0 ? 255 : 0);
            }
        }
        return out;
    }

    /** The cleaned pixels of the plate as last drawn. */
    byte[] bgr() {
        return bgr;
    }

    /** Brings the cut-out up to the plate's frame {@code index} (the plate draws itself first). */
    void draw(int index) {
        if (index == drawn) {
            return;
        }
        drawn = index;
        plate.draw(index);
        int[] now = plate instanceof AnimatedPlate a ? a.dirtyRegion().orElse(null) : null;
        copy(previous);
        if (now != null) {
            copy(now);
            System.arraycopy(now, 0, previous, 0, 4);
        } else {
            previous[0] = Integer.MAX_VALUE;
            previous[1] = Integer.MAX_VALUE;
            previous[2] = -1;
            previous[3] = -1;
        }
        if (body != null) {
            body.moveWithBody(restClean, bgr, restAlpha, alpha, band, band.length);
        }
    }

    /** Copies a region of the plate and cleans its edge pixels again. */
    private void copy(int[] d) {
        if (d[2] < d[0]) {
            return;
        }
        byte[] src = plate.bgr();
        int x0 = Math.max(0, d[0]);
        int x1 = Math.min(width - 1, d[2]);
        for (int y = Math.max(0, d[1]); y <= Math.min(height - 1, d[3]); y++) {
            int o = (y * width + x0) * 3;
            System.arraycopy(src, o, bgr, o, (x1 - x0 + 1) * 3);
            for (int x = x0; x <= x1; x++) {
                int k = edgeAt[y * width + x];
                if (k >= 0) {
                    clean(k, src);
                }
            }
        }
    }

    private void clean(int k, byte[] src) {
        int i = edge[k];
        int w = edgeWeight[k];
        for (int c = 0; c < 3; c++) {
            int v = ((src[3 * i + c] & 0xff) * w + (edgeColour[3 * k + c] & 0xff) * (256 - w) + 128) >> 8;
            bgr[3 * i + c] = (byte) v;
        }
    }

    /** The soft matte of a person probability map (see the class comment). */
    static byte[] matte(byte[] src, int w, int h, double feather, double low, double high) {
        int[] curve = new int[256];
        for (int i = 0; i < 256; i++) {
            double t = Math.max(0, Math.min(1, (i / 255.0 - low) / (high - low)));
            curve[i] = (int) Math.round(255 * t * t * (3 - 2 * t));
        }
        int[] a = new int[src.length];
        for (int i = 0; i < src.length; i++) {
            a[i] = curve[src[i] & 0xff];
        }
        int r = Math.max(1, (int) Math.round(0.0025 * Math.min(w, h)));
        blur(a, w, h, r);
        blur(a, w, h, r);
        byte[] out = new byte[src.length];
        int f = Math.max(1, (int) Math.round(feather * Math.min(w, h)));
        for (int y = 0; y < h; y++) {
            int ry = Math.min(y, f); // no fade at the bottom: it lies below the frame
            for (int x = 0; x < w; x++) {
                int e = Math.min(ry, Math.min(Math.min(x, w - 1 - x), f));
                int i = y * w + x;
                out[i] = (byte) (e < f ? (a[i] * e + f / 2) / f : a[i]);
            }
        }
        return out;
    }

    /** In-place separable box blur of radius {@code r} with edge clamping (a running sum per row and column). */
    static void blur(int[] v, int w, int h, int r) {
        int[] line = new int[Math.max(w, h)];
        for (int y = 0; y < h; y++) {
            run(v, y * w, 1, w, r, line);
        }
        for (int x = 0; x < w; x++) {
            run(v, x, w, h, r, line);
        }
    }

    private static void run(int[] v, int start, int step, int n, int r, int[] line) {
        for (int i = 0; i < n; i++) {
            line[i] = v[start + i * step];
        }
        long acc = 0;
        for (int i = -r; i <= r; i++) {
            acc += line[Math.max(0, Math.min(n - 1, i))];
        }
        int d = 2 * r + 1;
        for (int i = 0; i < n; i++) {
            v[start + i * step] = (int) ((acc + d / 2) / d);
            acc += line[Math.min(n - 1, i + r + 1)] - line[Math.max(0, i - r)];
        }
    }
}
