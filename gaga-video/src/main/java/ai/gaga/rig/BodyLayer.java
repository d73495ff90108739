package ai.gaga.rig;

import ai.gaga.face.FaceBox;

/**
 * The body below a face, moving with it: a smooth warp of the shoulders and upper torso that rises and falls with the
 * breath ({@link FaceControl#BREATH}, up to {@link #BREATH_LIFT} inter-ocular distances at the shoulders) and follows
 * {@link #SWAY} of the head's sideways travel when it turns or tilts, so a half- or full-body shot is not a still
 * photo with a moving face.
 *
 * <p>One weight per plate pixel says how much of that motion it takes: the person mask (blurred, so the silhouette
 * drags a little background along rather than sliding over it), times a vertical profile that is 0 at the chin and
 * rises to 1 at the shoulders (about {@link #SHOULDER_DROP} face heights lower), eases towards the waist and falls to
 * 0 at the plate's bottom edge, times a horizontal one that falls to 0 beyond about two face widths from the face's
 * centre and at the plate's sides, and falls to 0 over the photo's other people (their faces, and below them their
 * bodies, wherever their face is nearer than this one). The weight is smooth everywhere, so the displacement field has no step: nothing
 * tears. The face rig's points take the same field at their rest positions, so the neck, where the rig's head
 * weight fades out and the body weight fades in, blends the head's motion into the body's without a seam.
 *
 * <p>Per frame: one bilinear resample of the weighted region from the rest plate, within the part of the plate the
 * frame shows (skipped where the displacement is under {@value #STILL} pixel), no allocation. Immutable after construction; {@link #draw} writes only the caller's
 * buffer.
 */
final class BodyLayer {
    /** Shoulder lift at a full breath, inter-ocular distances (about 5 px at 1080p in a medium shot). */
    static final double BREATH_LIFT = 0.045;
    /** Share of the head's sideways travel (turn and tilt) the shoulders follow. */
    static final double SWAY = 0.2;
    /** Where the shoulders are: this many face heights below the chin the body takes the whole motion. */
    static final double SHOULDER_DROP = 0.9;
    /** How far out the body moves: whole up to the first share, none beyond the second (face widths). */
    static final double REACH_FULL = 1.4;
    static final double REACH_NONE = 2.4;
    /** Below the chest the breath and sway ease to this share (the waist moves less than the shoulders). */
    static final double WAIST_SHARE = 0.4;
    /** Displacements smaller than this (pixels) leave the rest pixel. */
    static final double STILL = 1.0 / 32;
    /** How much of the body's motion another face of the photo cancels (1: all of it). */
    static final double OTHER_FACE = 1.0;
    /** Half-width (face widths) of the soft border between two people's bodies, around the point equally near both. */
    static final double OWNER_MARGIN = 0.35;
    /** Fixed-point scale of the weights. */
    private static final int ONE = 1 << 12;
    /** Runs of one weight shorter than this are sampled pixel by pixel. */
    private static final int RUN = 8;

    private final int width;
    private final int height;
    /** Region of non-zero weight, inclusive-exclusive. */
    private final int x0;
    private final int y0;
    private final int x1;
    private final int y1;
    /** Weight per region pixel, 0..{@link #ONE}. */
    private final short[] weight;
    /** Largest weight of each region row (rows that barely move are skipped whole). */
    private final short[] rowMax;
    private final double iod;

    private BodyLayer(int width, int height, int x0, int y0, int x1, int y1, short[] weight, double iod) {
        this.width = width;
        this.height = height;
        this.x0 = x0;
        this.y0 = y0;
        this.x1 = x1;
        this.y1 = y1;
        this.weight = weight;
        this.iod = iod;
        int w = x1 - x0;
        rowMax = new short[y1 - y0];
        for (int y = 0; y < rowMax.length; y++) {
            short m = 0;
            for (int x = 0; x < w; x++) {
                m = (short) Math.max(m, weight[y * w + x]);
            }
            rowMax[y] = m;
        }
    }

    /**
     * The body layer of a face on a plate.
     *
     * @param face   the face box, plate pixels
     * @param chinY  the chin's y (rest), plate pixels
     * @param iod    inter-ocular distance, plate pixels
     * @param person person alpha per plate pixel (0..255)
     * @param others the photo's other faces, plate pixels: they keep still (their regions get no weight)
     * @return the layer, or null when the plate shows no body below the face
     */
    static BodyLayer of(FaceBox face, double chinY, double iod, byte[] person, int width, int height,
                        java.util.List<FaceBox> others) {
        double fw = face.width();
        double fh = face.height();
        double cx = face.centerX();
        int x0 = Math.max(0, (int) Math.floor(cx - REACH_NONE * fw));
        int x1 = Math.min(width, (int) Math.ceil(cx + REACH_NONE * fw) + 1);
        int y0 = Math.max(0, (int) Math.floor(chinY));
        int y1 = height;
        int w = x1 - x0;
        int h = y1 - y0;
        if (w < 4 || h < 4 || height - chinY < 0.25 * fh) {
            return null;
        }
        // The person, blurred over a fifth of a face width: the silhouette's weight ramps instead of stepping.
        int r = Math.max(1, (int) Math.round(0.2 * fw));
        int[] m = new int[w * h];
        for (int y = 0; y < h; y++) {
            int row = (y + y0) * width + x0;
            for (int x = 0; x < w; x++) {
                m[y * w + x] = person[row + x] & 0xFF;
            }
        }
        boxBlur(m, w, h, r);
        double shoulders = chinY + SHOULDER_DROP * fh;
        double edge = Math.max(2, 0.5 * fh); // the fall to 0 at the plate's bottom edge
        double side = Math.max(2, 0.3 * fw);
        short[] wt = new short[w * h];
        double[] col = new double[w];
        for (int x = 0; x < w; x++) {
            double px = x + x0 + 0.5;
            col[x] = (1 - FaceRig.smooth(REACH_FULL * fw, REACH_NONE * fw, Math.abs(px - cx)))
                    * FaceRig.smooth(0, side, px) * FaceRig.smooth(0, side, width - px);
        }
        boolean any = false;
        for (int y = 0; y < h; y++) {
            double py = y + y0 + 0.5;
            double v = FaceRig.smooth(chinY, shoulders, py)
                    * (1 - (1 - WAIST_SHARE) * FaceRig.smooth(shoulders + 0.3 * fh, shoulders + 2.5 * fh, py))
                    * FaceRig.smooth(0, edge, height - py);
            if (v <= 0) {
                continue;
            }
            for (int x = 0; x < w; x++) {
                double k = v * col[x] * m[y * w + x] / 255.0;
                for (FaceBox o : others) {
                    k *= 1 - OTHER_FACE * otherFace(o, x + x0 + 0.5, py);
                    k *= 1 - otherBody(o, face, x + x0 + 0.5, py);
                }
                int q = (int) Math.round(k * ONE);
                wt[y * w + x] = (short) q;
                any |= q > 0;
            }
        }
        if (!any) {
            return null;
        }
        // Tighten the region to the weighted pixels: that is all a frame resamples and restores.
        int tx0 = w;
        int ty0 = h;
        int tx1 = -1;
        int ty1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (wt[y * w + x] > 0) {
                    tx0 = Math.min(tx0, x);
                    tx1 = Math.max(tx1, x);
                    ty0 = Math.min(ty0, y);
                    ty1 = Math.max(ty1, y);
                }
            }
        }
        int tw = tx1 - tx0 + 1;
        int th = ty1 - ty0 + 1;
        short[] tight = new short[tw * th];
        for (int y = 0; y < th; y++) {
            System.arraycopy(wt, (y + ty0) * w + tx0, tight, y * tw, tw);
        }
        return new BodyLayer(width, height, x0 + tx0, y0 + ty0, x0 + tx1 + 1, y0 + ty1 + 1, tight, iod);
    }

    /**
     * 1 where a pixel belongs to another person's body rather than this one's: below the other face's centre and, in
     * face widths, nearer the other face's column than this face's (by {@link #OWNER_MARGIN} or more), falling
     * smoothly to 0 where this face's column is as near; a neighbour's shoulder never breathes with this actor.
     */
    private static double otherBody(FaceBox o, FaceBox face, double x, double y) {
        double lead = Math.abs(x - face.centerX()) / face.width() - Math.abs(x - o.centerX()) / o.width();
        return FaceRig.smooth(o.centerY(), o.maxY(), y) * FaceRig.smooth(-OWNER_MARGIN, OWNER_MARGIN, lead);
    }

    /** 1 inside another face's region (an ellipse a little larger than its box), falling smoothly to 0 outside. */
    private static double otherFace(FaceBox o, double x, double y) {
        double dx = (x - o.centerX()) / (0.75 * o.width());
        double dy = (y - o.centerY()) / (0.85 * o.height());
        return 1 - FaceRig.smooth(1, 1.6, Math.sqrt(dx * dx + dy * dy));
    }

    /** Two-pass box blur of radius r in place (clamped edges). */
    private static void boxBlur(int[] v, int w, int h, int r) {
        int[] line = new int[Math.max(w, h)];
        for (int y = 0; y < h; y++) {
            blurLine(v, y * w, 1, w, r, line);
        }
        for (int x = 0; x < w; x++) {
            blurLine(v, x, w, h, r, line);
        }
    }

    private static void blurLine(int[] v, int start, int step, int n, int r, int[] line) {
        for (int i = 0; i < n; i++) {
            line[i] = v[start + i * step];
        }
        long sum = 0;
        for (int i = -r; i <= r; i++) {
            sum += line[Math.max(0, Math.min(n - 1, i))];
        }
        int d = 2 * r + 1;
        for (int i = 0; i < n; i++) {
            v[start + i * step] = (int) (sum / d);
            sum += line[Math.min(n - 1, i + r + 1)] - line[Math.max(0, i - r)];
        }
    }

    /** The weight (0..1) at a plate point: how much of the body's motion it takes. */
    float weightAt(double x, double y) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        if (ix < x0 || iy < y0 || ix >= x1 || iy >= y1) {
            return 0f;
        }
        return weight[(iy - y0) * (x1 - x0) + ix - x0] / (float) ONE;
    }

    /** The body's displacement at full weight for a set of controls, plate pixels, into {@code out} (dx, dy). */
    void motion(FaceControls c, FaceRig rig, double[] scratch, double[] out) {
        out[0] = SWAY * rig.headShiftX(c, scratch);
        out[1] = -BREATH_LIFT * iod * c.get(FaceControl.BREATH);
    }

    /** Grows {@code box} (x0, y0, x1, y1 inclusive) by the region the layer may change within {@code view}. */
    void bounds(int[] box, int[] view) {
        int ax = Math.max(x0, view[0]);
        int ay = Math.max(y0, view[1]);
        int bx = Math.min(x1, view[2]);
        int by = Math.min(y1, view[3]);
        if (ax < bx && ay < by) {
            AnimatedPlate.grow(box, ax, ay, bx - 1, by - 1);
        }
    }

    /**
     * Moves a cut-out's pixels with the body: each listed plate index takes the bilinear sample, at its position minus
     * its weight times {@code (dx, dy)}, of {@code restBgr} into {@code outBgr} and of {@code restAlpha} into
     * {@code outAlpha}, so a matte's silhouette rises and falls with the shoulders it outlines.
     */
    void resample(byte[] restBgr, byte[] outBgr, byte[] restAlpha, byte[] outAlpha, double dx, double dy,
                  int[] indices, int count) {
        int w = x1 - x0;
        int maxX = width - 1;
        int maxY = height - 1;
        // as draw(): displacement per weight unit in 1/256 pixel, bilinear weights in 1/256
        int fx = (int) Math.round(dx * 256);
        int fy = (int) Math.round(dy * 256);
        for (int n = 0; n < count; n++) {
            int i = indices[n];
            int x = i % width;
            int y = i / width;
            int k = x < x0 || y < y0 || x >= x1 || y >= y1 ? 0 : weight[(y - y0) * w + x - x0];
            int sx = Math.max(0, Math.min(maxX << 8, (x << 8) - ((k * fx) >> 12)));
            int sy = Math.max(0, Math.min(maxY << 8, (y << 8) - ((k * fy) >> 12)));
            int ix = Math.min(sx >> 8, maxX - 1);
            int iy = Math.min(sy >> 8, maxY - 1);
            int ax = sx - (ix << 8);
            int ay = sy - (iy << 8);
            int bx = 256 - ax;
            int by = 256 - ay;
            int p = iy * width + ix;
            int q = p + width;
            for (int c = 0; c < 3; c++) {
                int top = (restBgr[3 * p + c] & 0xFF) * bx + (restBgr[3 * p + 3 + c] & 0xFF) * ax;
                int bottom = (restBgr[3 * q + c] & 0xFF) * bx + (restBgr[3 * q + 3 + c] & 0xFF) * ax;
                outBgr[3 * i + c] = (byte) ((top * by + bottom * ay + (1 << 15)) >> 16);
            }
            int top = (restAlpha[p] & 0xFF) * bx + (restAlpha[p + 1] & 0xFF) * ax;
            int bottom = (restAlpha[q] & 0xFF) * bx + (restAlpha[q + 1] & 0xFF) * ax;
            outAlpha[i] = (byte) ((top * by + bottom * ay + (1 << 15)) >> 16);
        }
    }

    /** The largest displacement (pixels) the layer gives any pixel for a head shift of {@code headShift} pixels. */
    double reach(double headShift) {
        return Math.hypot(SWAY * headShift, BREATH_LIFT * iod);
    }

    /**
     * Draws the body moved by {@code (dx, dy)} at full weight: every region pixel whose displacement is at least
     * {@link #STILL} takes the bilinear sample of {@code rest} at its position minus the displacement. Pixels that
     * barely move are left as they are in {@code out} (the caller restored them from the rest plate).
     */
    void draw(byte[] rest, byte[] out, double dx, double dy) {
        draw(rest, out, dx, dy, new int[] {0, 0, width, height});
    }

    /** As {@link #draw(byte[], byte[], double, double)}, only within {@code view} (x0, y0, x1, y1 exclusive). */
    void draw(byte[] rest, byte[] out, double dx, double dy, int[] view) {
        if (Math.abs(dx) < STILL && Math.abs(dy) < STILL) {
            return;
        }
        int vx0 = Math.max(x0, view[0]);
        int vy0 = Math.max(y0, view[1]);
        int vx1 = Math.min(x1, view[2]);
        int vy1 = Math.min(y1, view[3]);
        int w = x1 - x0;
        // displacement per weight unit in 1/256 pixel: k * f >> 12 is the shift of a pixel of weight k
        int fx = (int) Math.round(dx * 256);
        int fy = (int) Math.round(dy * 256);
        int still = (int) Math.ceil(STILL * ONE / Math.max(Math.abs(dx), Math.abs(dy)));
        int maxX = width - 1;
        int maxY = height - 1;
        int stride = width * 3;
        for (int y = vy0; y < vy1; y++) {
            if (rowMax[y - y0] < still) {
                continue;
            }
            int wrow = (y - y0) * w - x0;
            int yy = y << 8;
            int x = vx0;
            while (x < vx1) {
                int k = weight[wrow + x];
                if (k < still) {
                    x++;
                    continue;
                }
                // A run of one weight (the torso's inside) moves by one displacement: one set of bilinear weights.
                int e = x + 1;
                while (e < vx1 && weight[wrow + e] == k) {
                    e++;
                }
                if (e - x >= RUN) {
                    int sx = (x << 8) - ((k * fx) >> 12);
                    int sy = yy - ((k * fy) >> 12);
                    int ix = sx >> 8;
                    int iy = sy >> 8;
                    if (ix >= 0 && iy >= 0 && ix + (e - 1 - x) < maxX && iy < maxY) {
                        shiftRun(rest, out, iy * stride + ix * 3, y * stride + x * 3, (e - x) * 3, sx & 255, sy & 255,
                                stride);
                        x = e;
                        continue;
                    }
                }
                for (; x < e; x++) {
                    samplePixel(rest, out, x, y, yy, k, fx, fy, maxX, maxY, stride);
                }
            }
        }
    }

    /**
     * {@code n} bytes of {@code rest} from {@code src} (and the row below, {@code stride} on) shifted by one sub-pixel
     * offset into {@code out} at {@code dst}: the same rounding as {@link #samplePixel}, its two bilinear stages folded
     * into four weights.
     */
    private static void shiftRun(byte[] rest, byte[] out, int src, int dst, int n, int ax, int ay, int stride) {
        int bx = 256 - ax;
        int by = 256 - ay;
        int w00 = bx * by;
        int w01 = ax * by;
        int w10 = bx * ay;
        int w11 = ax * ay;
        int q = src + stride;
        for (int i = 0; i < n; i++) {
            out[dst + i] = (byte) (((rest[src + i] & 0xFF) * w00 + (rest[src + i + 3] & 0xFF) * w01
                    + (rest[q + i] & 0xFF) * w10 + (rest[q + i + 3] & 0xFF) * w11 + (1 << 15)) >> 16);
        }
    }

    /** One body pixel: the bilinear sample of {@code rest} at its position minus its weight {@code k} times the shift. */
    static void samplePixel(byte[] rest, byte[] out, int x, int y, int yy, int k, int fx, int fy, int maxX,
                                    int maxY, int stride) {
        int sx = (x << 8) - ((k * fx) >> 12);
        int sy = yy - ((k * fy) >> 12);
        int ix = sx >> 8;
        int iy = sy >> 8;
        int ax = sx & 255;
        int ay = sy & 255;
        if (ix < 0) {
            ix = 0;
            ax = 0;
        } else if (ix >= maxX) {
            ix = maxX - 1;
            ax = 256;
        }
        if (iy < 0) {
            iy = 0;
            ay = 0;
        } else if (iy >= maxY) {
            iy = maxY - 1;
            ay = 256;
        }
        int o00 = iy * stride + ix * 3;
        int o10 = o00 + stride;
        int bx = 256 - ax;
        int by = 256 - ay;
        int dst = y * stride + x * 3;
        int t0 = (rest[o00] & 0xFF) * bx + (rest[o00 + 3] & 0xFF) * ax;
        int b0 = (rest[o10] & 0xFF) * bx + (rest[o10 + 3] & 0xFF) * ax;
        int t1 = (rest[o00 + 1] & 0xFF) * bx + (rest[o00 + 4] & 0xFF) * ax;
        int b1 = (rest[o10 + 1] & 0xFF) * bx + (rest[o10 + 4] & 0xFF) * ax;
        int t2 = (rest[o00 + 2] & 0xFF) * bx + (rest[o00 + 5] & 0xFF) * ax;
        int b2 = (rest[o10 + 2] & 0xFF) * bx + (rest[o10 + 5] & 0xFF) * ax;
        out[dst] = (byte) ((t0 * by + b0 * ay + (1 << 15)) >> 16);
        out[dst + 1] = (byte) ((t1 * by + b1 * ay + (1 << 15)) >> 16);
        out[dst + 2] = (byte) ((t2 * by + b2 * ay + (1 << 15)) >> 16);
    }
}
