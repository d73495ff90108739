package ai.gaga.rig;

/**
 * A closed eye rebuilt from the open one, mirrored ({@link EyeReopening}). Each eye has its own frame ({@link
 * EyeFrame}: x from the outer to the inner corner, so the two frames are mirror images, y down the face), and the
 * open eye's pixels are mapped corner to corner into the closed eye's frame (across, scaled by the widths' ratio;
 * down, by its square root, so a turned head's foreshortening is not doubled), corrected by a per-channel gain plane
 * fitted on the ring where the two meet (the two sides of a face are lit differently), and blended in with a
 * feathered ellipse that covers the lids, not the brow. Inside the iris the texture is moved rather than mirrored,
 * so the catch light stays on the side the light comes from. The closed eye's landmarks (lids, the rings around
 * them, iris) move to the mirrored open eye's.
 */
final class MirroredEye {
    /** The mirrored region: half-axes across (half widths) and above / below the corner line (half widths). */
    private static final double MASK_ACROSS = 1.45;
    private static final double MASK_ABOVE = 1.0;
    private static final double MASK_BELOW = 0.7;

    private MirroredEye() {
    }


    static void mirror(byte[] src, byte[] dst, int w, int h, EyeFrame s, EyeFrame t, int[] sArea, int[] tArea,
                               int sIris, int tIris, double[] x, double[] y) {
        double ratio = t.halfW / s.halfW;
        double sv = Math.sqrt(ratio);
        double above = MASK_ABOVE * t.halfW;
        double below = MASK_BELOW * t.halfW;
        int[] box = t.box(MASK_ACROSS, above, below, w, h);
        // Inside the iris the texture is not mirrored but moved: the catch light stays on the side the light is.
        double sa = s.a(x[sIris], y[sIris]);
        double sb = s.b(x[sIris], y[sIris]);
        double tix = t.x(sa, sb * sv);
        double tiy = t.y(sa, sb * sv);
        double sr = 0;
        for (int k = 1; k < 5; k++) {
            sr += Math.hypot(x[sIris + k] - x[sIris], y[sIris + k] - y[sIris]) / 4;
        }
        double tr = Math.max(0.5, sr * ratio);
        double[] q = new double[2];
        // Gain planes (per channel: g0 + g1 a + g2 b) fitted where the mirrored eye meets the photo.
        double[][] ata = new double[3][9];
        double[][] atb = new double[3][3];
        double[] sp = new double[3];
        for (int py = box[1]; py <= box[3]; py++) {
            for (int px = box[0]; px <= box[2]; px++) {
                double a = t.a(px + 0.5, py + 0.5);
                double b = t.b(px + 0.5, py + 0.5);
                double r = radius(a, b, above, below);
                if (r < 0.8 || r > 1.1) {
                    continue;
                }
                if (!EyeFrame.sample(src, w, h, s.x(a, b / sv) - 0.5, s.y(a, b / sv) - 0.5, sp)) {
                    continue;
                }
                double an = a / MASK_ACROSS;
                double bn = b / above;
                double[] f = {1, an, bn};
                int o = (py * w + px) * 3;
                for (int c = 0; c < 3; c++) {
                    double tv = dst[o + c] & 0xFF;
                    for (int i = 0; i < 3; i++) {
                        double fi = f[i] * sp[c];
                        atb[c][i] += fi * tv;
                        for (int j = 0; j < 3; j++) {
                            ata[c][3 * i + j] += fi * f[j] * sp[c];
                        }
                    }
                }
            }
        }
        double[][] gain = new double[3][];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 3; i++) {
                ata[c][4 * i] += 1e-3 * ata[c][0] + 1e-9; // ridge: a flat ring still gives a plain gain
            }
            gain[c] = solve3(ata[c], atb[c]);
            if (gain[c] == null) {
                gain[c] = new double[] {1, 0, 0};
            }
        }
        for (int py = box[1]; py <= box[3]; py++) {
            for (int px = box[0]; px <= box[2]; px++) {
                double a = t.a(px + 0.5, py + 0.5);
                double b = t.b(px + 0.5, py + 0.5);
                double m = 1 - FaceRig.smooth(0.6, 1.0, radius(a, b, above, below));
                if (m <= 0) {
                    continue;
                }
                source(s, a, b / sv, px + 0.5 - tix, py + 0.5 - tiy, tr, ratio, x[sIris], y[sIris], q);
                if (!EyeFrame.sample(src, w, h, q[0] - 0.5, q[1] - 0.5, sp)) {
                    continue;
                }
                double an = a / MASK_ACROSS;
                double bn = b / above;
                int o = (py * w + px) * 3;
                for (int c = 0; c < 3; c++) {
                    double g = Math.max(0.6, Math.min(1.7, gain[c][0] + gain[c][1] * an + gain[c][2] * bn));
                    double v = Math.min(255, sp[c] * g);
                    dst[o + c] = (byte) Math.round((1 - m) * (dst[o + c] & 0xFF) + m * v);
                }
            }
        }
        // The closed eye's landmarks: the open eye's, mirrored the same way (lids and iris fully, rings by the mask).
        for (int k = 0; k < sArea.length; k++) {
            int si = sArea[k];
            int ti = tArea[k];
            double a = s.a(x[si], y[si]);
            double b = s.b(x[si], y[si]) * sv;
            double m = k < 16 ? 1 : 1 - FaceRig.smooth(0.6, 1.0, radius(a, b, above, below));
            x[ti] += m * (t.x(a, b) - x[ti]);
            y[ti] += m * (t.y(a, b) - y[ti]);
        }
        for (int k = 0; k < 5; k++) {
            double a = s.a(x[sIris + k], y[sIris + k]);
            double b = s.b(x[sIris + k], y[sIris + k]) * sv;
            x[tIris + k] = t.x(a, b);
            y[tIris + k] = t.y(a, b);
        }
    }

    /**
     * Where a pixel of the closed eye takes its colour from: the mirrored point, or near the iris centre (within
     * half its radius, blending out by three quarters) the point at the same image offset from the open eye's iris
     * centre.
     */
    private static void source(EyeFrame s, double a, double b, double ox, double oy, double tr, double ratio,
                               double sIrisX, double sIrisY, double[] q) {
        double mx = s.x(a, b);
        double my = s.y(a, b);
        double k = 1 - FaceRig.smooth(0.45, 0.75, Math.hypot(ox, oy) / tr);
        q[0] = mx + k * (sIrisX + ox / ratio - mx);
        q[1] = my + k * (sIrisY + oy / ratio - my);
    }

    /** Elliptical radius of the mirrored region: 1 on its edge. */
    private static double radius(double a, double b, double above, double below) {
        double an = a / MASK_ACROSS;
        double bn = b < 0 ? b / above : b / below;
        return Math.sqrt(an * an + bn * bn);
    }

    /** Solves a 3x3 system (row-major), null when singular. */
    private static double[] solve3(double[] m, double[] v) {
        double det = det3(m);
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] mc = m.clone();
            for (int r = 0; r < 3; r++) {
                mc[3 * r + c] = v[r];
            }
            out[c] = det3(mc) / det;
        }
        return out;
    }

    private static double det3(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }
}
