package ai.gaga.rig;

/**
 * Paints closing eyelids: the band between where the upper lid was and where it now is takes the skin colour sampled
 * from the lid above the eye, with a dark lash line along the closing edge, both fading in with the blink. Not
 * thread-safe; allocates nothing per frame.
 */
final class EyelidPainter {
    /** Upper-lid points sampled for the skin colour. */
    private static final int[][] LID_SAMPLES = {{160, 159, 158}, {387, 386, 385}};

    private final FaceRig rig;
    /** Per eye, B, G, R of the lid skin. */
    private final float[][] skin = new float[2][3];
    private final float[] polyX = new float[18];
    private final float[] polyY = new float[18];
    private final float[] off = new float[2];
    private final PolygonCoverage coverage = new PolygonCoverage();

    EyelidPainter(FaceRig rig, byte[] rest) {
        this.rig = rig;
        int w = rig.plateWidth();
        int h = rig.plateHeight();
        double iod = rig.interOcular();
        double nx = -rig.axisY(); // the face's downward direction
        double ny = rig.axisX();
        for (int e = 0; e < 2; e++) {
            double[] sum = new double[3];
            int count = 0;
            for (int i : LID_SAMPLES[e]) {
                for (double d = 0.04; d <= 0.09; d += 0.01) {
                    for (double s = -0.02; s <= 0.02; s += 0.01) {
                        int px = (int) Math.round(rig.restX(i) - nx * d * iod + rig.axisX() * s * iod);
                        int py = (int) Math.round(rig.restY(i) - ny * d * iod + rig.axisY() * s * iod);
                        if (px < 0 || py < 0 || px >= w || py >= h) {
                            continue;
                        }
                        int o = (py * w + px) * 3;
                        for (int c = 0; c < 3; c++) {
                            sum[c] += rest[o + c] & 0xFF;
                        }
                        count++;
                    }
                }
            }
            for (int c = 0; c < 3; c++) {
                skin[e][c] = count == 0 ? 128 : (float) (sum[c] / count);
            }
        }
    }

    /** Paints both eyes' lids for the given blinks; {@code dirty} grows by the painted boxes. */
    void paint(byte[] dst, float[] x, float[] y, float blinkRight, float blinkLeft, int[] dirty) {
        paintEye(dst, x, y, 0, FaceControl.EYE_BLINK_RIGHT, blinkRight, dirty);
        paintEye(dst, x, y, 1, FaceControl.EYE_BLINK_LEFT, blinkLeft, dirty);
    }

    private void paintEye(byte[] dst, float[] x, float[] y, int eye, FaceControl control, float blink,
                          int[] dirty) {
        if (blink < 0.02f) {
            return;
        }
        int[] lid = FaceRig.LIDS[eye * 2];
        int m = lid.length;
        // Lid band: the lid line without the blink, then the closed lid line back.
        for (int k = 0; k < m; k++) {
            int i = lid[k];
            rig.controlOffset(control, blink, i, off);
            polyX[k] = x[i] - off[0];
            polyY[k] = y[i] - off[1];
            polyX[2 * m - 1 - k] = x[i];
            polyY[2 * m - 1 - k] = y[i];
        }
        float[] col = skin[eye];
        fill(dst, 2 * m, col[0], col[1], col[2], 0.9f * (float) FaceRig.smooth(0.02, 0.6, blink), dirty);
        // Lash line along the closing edge.
        float iod = (float) rig.interOcular();
        float nx = (float) -rig.axisY();
        float ny = (float) rig.axisX();
        float up = 0.016f * iod;
        float down = 0.006f * iod;
        for (int k = 0; k < m; k++) {
            int i = lid[k];
            float taper = k == 0 || k == m - 1 ? 0.2f : 1f;
            polyX[k] = x[i] - nx * up * taper;
            polyY[k] = y[i] - ny * up * taper;
            polyX[2 * m - 1 - k] = x[i] + nx * down * taper;
            polyY[2 * m - 1 - k] = y[i] + ny * down * taper;
        }
        float lash = 0.85f * (float) FaceRig.smooth(0.25, 0.9, blink);
        if (lash > 0) {
            fill(dst, 2 * m, col[0] * 0.3f, col[1] * 0.28f, col[2] * 0.3f, lash, dirty);
        }
    }

    private void fill(byte[] dst, int count, float b, float g, float r, float alpha, int[] dirty) {
        int w = rig.plateWidth();
        coverage.rasterize(polyX, polyY, count, w, rig.plateHeight());
        for (int yy = 0; yy < coverage.h; yy++) {
            for (int xx = 0; xx < coverage.w; xx++) {
                float c = coverage.cov[yy * coverage.w + xx];
                if (c <= 0f) {
                    continue;
                }
                float a = Math.min(1f, c) * alpha;
                int o = ((coverage.y0 + yy) * w + coverage.x0 + xx) * 3;
                dst[o] = MouthPainter.blend(dst[o], b, a);
                dst[o + 1] = MouthPainter.blend(dst[o + 1], g, a);
                dst[o + 2] = MouthPainter.blend(dst[o + 2], r, a);
            }
        }
        if (coverage.w > 0) {
            AnimatedPlate.grow(dirty, coverage.x0, coverage.y0, coverage.x0 + coverage.w - 1,
                    coverage.y0 + coverage.h - 1);
        }
    }
}
