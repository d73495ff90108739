package ai.gaga.rig;

/**
 * What a photo shows between its parted lips (teeth, tongue, the dark of the mouth), kept in the mouth's own frame so
 * an animated mouth can show it again after the {@link NeutralRest} closed the lips over it: columns run across the
 * mouth (inter-ocular units from the mouth's centre along the eye line), rows down from the upper inner lip
 * (inter-ocular units), each column as deep as the photo's opening there. Resolution-free: a plate of any scale
 * samples it. Immutable.
 */
public final class MouthInterior {
    /** Below this mean inner-lip gap (inter-ocular units) a photo shows no interior worth keeping. */
    static final double MIN_OPEN = 0.03;
    /**
     * The least opening (inter-ocular units, mean over the middle third) whose teeth an opening mouth shows again: a
     * tooth crown shows about 0.1 between parted lips. A thinner slit holds a sliver of teeth at most; stretched over
     * a speaking mouth it became a dark hole under a line of teeth (a bearded grin at 0.07), so such a mouth gets the
     * shaded interior, painted teeth and all.
     */
    static final double TEETH_DEPTH = 0.09;

    final int cols;
    final int rows;
    /** Half the mouth width (corner to corner), inter-ocular units. */
    final float halfWidth;
    /** Inter-ocular units per row. */
    final float step;
    /** Depth of the opening per column, inter-ocular units. */
    final float[] open;
    /** B, G, R per row-major texel. */
    final byte[] bgr;
    /** Mean teeth colour (B, G, R), or null when no teeth show. */
    final float[] teeth;
    /** Mean depth of the opening over the middle third of the mouth, inter-ocular units. */
    final float depth;

    private MouthInterior(int cols, int rows, float halfWidth, float step, float[] open, byte[] bgr, float[] teeth,
                          float depth) {
        this.cols = cols;
        this.rows = rows;
        this.halfWidth = halfWidth;
        this.step = step;
        this.open = open;
        this.bgr = bgr;
        this.teeth = teeth;
        this.depth = depth;
    }

    /** Whether the photo showed teeth. */
    public boolean showsTeeth() {
        return teeth != null;
    }

    /**
     * The interior of the mouth as {@code rig} (at rest) sees it in {@code bgr} (the rig's plate, B, G, R), or null
     * when the lips are (nearly) together.
     */
    static MouthInterior capture(FaceRig rig, byte[] bgr) {
        int n = rig.pointCount();
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rig.restX(i);
            y[i] = rig.restY(i);
        }
        double iod = rig.interOcular();
        float ax = (float) rig.axisX();
        float ay = (float) rig.axisY();
        float mcx = (x[78] + x[308]) / 2;
        float mcy = (y[78] + y[308]) / 2;
        float halfW = Math.max(1f, (float) Math.hypot(x[308] - x[78], y[308] - y[78]) / 2);
        int cols = Math.max(16, Math.min(256, Math.round(2 * halfW)));
        float[] up = new float[cols + 1];
        float[] lo = new float[cols + 1];
        MouthPainter.Curve curve = new MouthPainter.Curve();
        curve.sample(FaceRig.INNER_UPPER_FULL, x, y, mcx, mcy, ax, ay, halfW, up, cols);
        curve.sample(FaceRig.INNER_LOWER_FULL, x, y, mcx, mcy, ax, ay, halfW, lo, cols);
        float[] open = new float[cols];
        float maxOpen = 0;
        double meanOpen = 0;
        for (int c = 0; c < cols; c++) {
            float o = Math.max(0, (lo[c] + lo[c + 1]) / 2 - (up[c] + up[c + 1]) / 2);
            open[c] = o;
            maxOpen = Math.max(maxOpen, o);
            if (Math.abs(c + 0.5 - cols / 2.0) < cols / 6.0) {
                meanOpen += o;
            }
        }
        meanOpen /= Math.max(1, Math.round(cols / 3.0));
        if (meanOpen < MIN_OPEN * iod) {
            return null;
        }
        int rows = (int) Math.ceil(maxOpen) + 2;
        byte[] tex = new byte[cols * rows * 3];
        int w = rig.plateWidth();
        int h = rig.plateHeight();
        double sb = 0;
        double sg = 0;
        double sr = 0;
        int count = 0;
        int samples = 0;
        double lip = MouthPainter.lipColour(rig, bgr, x, y)[3];
        for (int c = 0; c < cols; c++) {
            float u = -halfW + 2 * halfW * (c + 0.5f) / cols;
            float vUp = (up[c] + up[c + 1]) / 2;
            for (int r = 0; r < rows; r++) {
                float v = vUp + Math.min(r, open[c]);
                float sx = mcx + u * ax - v * ay - 0.5f;
                float sy = mcy + u * ay + v * ax - 0.5f;
                int o = (r * cols + c) * 3;
                MouthPainter.bilinear(bgr, w, h, sx, sy, tex, o);
                if (r > 0 && r < open[c] - 1) {
                    samples++;
                    int b = tex[o] & 0xFF;
                    int g = tex[o + 1] & 0xFF;
                    int rr = tex[o + 2] & 0xFF;
                    int max = Math.max(rr, Math.max(g, b));
                    int min = Math.min(rr, Math.min(g, b));
                    double luma = 0.114 * b + 0.587 * g + 0.299 * rr;
                    if (luma > 1.2 * lip + 8 && max - min < 0.4 * max && !reddish(b, g, rr)) {
                        sb += b;
                        sg += g;
                        sr += rr;
                        count++;
                    }
                }
            }
        }
        // Teeth: a tenth of what shows between the lips, whatever the scale the photo is seen at.
        float[] teeth = count >= 6 && count >= 0.1 * samples
                ? new float[] {(float) (sb / count), (float) (sg / count), (float) (sr / count)} : null;
        float[] openIod = new float[cols];
        for (int c = 0; c < cols; c++) {
            openIod[c] = (float) (open[c] / iod);
        }
        return new MouthInterior(cols, rows, (float) (halfW / iod), (float) (1 / iod), openIod, tex, teeth,
                (float) (meanOpen / iod));
    }

    /**
     * Whether a pale pixel is the pink of the inner lips or gums rather than a tooth: teeth are near white or warm
     * (a yellowish hue, 15-50 degrees, under warm light), lips and gums pink to red (hue under 12 degrees, with green
     * about as low as blue). Seen: a smiling dancer's inner lips (B, G, R 112, 118, 165) taken for teeth, so her
     * opening mouth showed that pink slit stretched instead of teeth.
     */
    static boolean reddish(int b, int g, int r) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        int chroma = max - min;
        if (r != max || chroma < 0.2 * max) {
            return false; // near white, or not red-dominant
        }
        return g - b < 0.2 * chroma; // hue = 60 * (g - b) / chroma degrees < 12
    }

    /** Depth of the opening at {@code u} (inter-ocular units from the centre), inter-ocular units. */
    float openAt(float u) {
        float fc = (u / halfWidth + 1) * 0.5f * cols - 0.5f;
        int c = Math.max(0, Math.min(cols - 1, Math.round(fc)));
        return open[c];
    }

    /** Bilinear sample at {@code u} and {@code d} below the upper lip (inter-ocular units) into {@code out}. */
    void sample(float u, float d, float[] out) {
        float fc = (u / halfWidth + 1) * 0.5f * cols - 0.5f;
        float fr = d / step;
        fc = Math.max(0, Math.min(cols - 1.001f, fc));
        fr = Math.max(0, Math.min(rows - 1.001f, fr));
        int c = Math.min(cols - 2, (int) fc);
        int r = Math.min(rows - 2, (int) fr);
        if (cols < 2 || rows < 2) {
            out[0] = bgr[0] & 0xFF;
            out[1] = bgr[1] & 0xFF;
            out[2] = bgr[2] & 0xFF;
            return;
        }
        float tx = fc - c;
        float ty = fr - r;
        int p = (r * cols + c) * 3;
        int q = p + cols * 3;
        for (int k = 0; k < 3; k++) {
            float top = (bgr[p + k] & 0xFF) * (1 - tx) + (bgr[p + 3 + k] & 0xFF) * tx;
            float bot = (bgr[q + k] & 0xFF) * (1 - tx) + (bgr[q + 3 + k] & 0xFF) * tx;
            out[k] = top + ty * (bot - top);
        }
    }
}
