package ai.gaga.picture;

import ai.gaga.timeline.Grade;

/**
 * A colour grade as three 256-entry tables (one per channel, indexed by the input value), applied in place to packed
 * BGR pixels. Per-channel curves cover what the looks need (gain, tint, gamma, contrast) at one table read per byte.
 */
final class GradeLut {
    final int[] b = new int[256];
    final int[] g = new int[256];
    final int[] r = new int[256];

    /** The tables of a grade. */
    static GradeLut of(Grade grade) {
        GradeLut lut = new GradeLut();
        double k = grade.intensity();
        // Per look: channel gains (r, g, b), gamma (>1 darkens mid-tones), contrast about mid grey, black lift.
        double gr = 1;
        double gg = 1;
        double gb = 1;
        double gamma = 1;
        double contrast = 0;
        double lift = 0;
        switch (grade.look()) {
            case WARM -> {
                gr = 1 + 0.10 * k;
                gg = 1 + 0.02 * k;
                gb = 1 - 0.14 * k;
                lift = 0.02 * k;
            }
            case COOL -> {
                gr = 1 - 0.12 * k;
                gg = 1 - 0.01 * k;
                gb = 1 + 0.10 * k;
            }
            case NIGHT -> {
                // Moonlight: much darker, blue, mid-tones pressed down, a little contrast so faces still read.
                gr = 1 - 0.55 * k;
                gg = 1 - 0.42 * k;
                gb = 1 - 0.18 * k;
                gamma = 1 + 0.60 * k;
                contrast = 0.10 * k;
            }
            case NIGHT_RAIN -> {
                // Rain at night: the night's darkness and blue, with some of the wet look's harder contrast.
                gr = 1 - 0.52 * k;
                gg = 1 - 0.38 * k;
                gb = 1 - 0.14 * k;
                gamma = 1 + 0.55 * k;
                contrast = 0.20 * k;
            }
            case RAIN -> {
                // Wet: grey-blue, darker, with the harder contrast of wet surfaces and diffuse skylight.
                gr = 1 - 0.22 * k;
                gg = 1 - 0.14 * k;
                gb = 1 - 0.02 * k;
                gamma = 1 + 0.20 * k;
                contrast = 0.28 * k;
            }
            case NEUTRAL -> {
                // unchanged
            }
        }
        // Emotion tints the light, but a night or a rain look must still read as one: half the tint there.
        double w = grade.warmth() * (grade.look() == Grade.Look.NIGHT || grade.look() == Grade.Look.RAIN
                || grade.look() == Grade.Look.NIGHT_RAIN ? 0.5 : 1);
        gr *= 1 + 0.10 * w;
        gg *= 1 + 0.02 * w;
        gb *= 1 - 0.12 * w;
        for (int i = 0; i < 256; i++) {
            double x = Math.pow(i / 255.0, gamma);
            x = x + contrast * (x - 0.5) * (1 - Math.abs(2 * x - 1)) * 2; // S-curve: steeper mid-tones, same ends
            x = lift + (1 - lift) * x;
            lut.r[i] = clamp(x * gr);
            lut.g[i] = clamp(x * gg);
            lut.b[i] = clamp(x * gb);
        }
        return lut;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    /** Sets this table to {@code a} blended towards {@code c} by {@code t} (0..1). */
    /**
     * Sets this table to {@code base} applied after per-channel gains on the input (B, G, R), and returns it: a
     * cut-out's colours matched to its partner's before the shot's grade.
     */
    GradeLut gained(GradeLut base, double[] gains) {
        for (int i = 0; i < 256; i++) {
            b[i] = base.b[Math.min(255, (int) Math.round(i * gains[0]))];
            g[i] = base.g[Math.min(255, (int) Math.round(i * gains[1]))];
            r[i] = base.r[Math.min(255, (int) Math.round(i * gains[2]))];
        }
        return this;
    }

    void blend(GradeLut a, GradeLut c, double t) {
        int k = (int) Math.round(Math.max(0, Math.min(1, t)) * 256);
        for (int i = 0; i < 256; i++) {
            b[i] = (a.b[i] * (256 - k) + c.b[i] * k + 128) >> 8;
            g[i] = (a.g[i] * (256 - k) + c.g[i] * k + 128) >> 8;
            r[i] = (a.r[i] * (256 - k) + c.r[i] * k + 128) >> 8;
        }
    }

    /**
     * The grade for a black-and-white picture: each value maps to the grey the grade would give a grey of that value
     * (the tables' luma), the same on every channel, so the grade's light and contrast stay and its colour does not.
     */
    GradeLut monochrome() {
        GradeLut lut = new GradeLut();
        for (int i = 0; i < 256; i++) {
            int v = (int) Math.round(0.114 * b[i] + 0.587 * g[i] + 0.299 * r[i]); // a mean of 0..255 values
            lut.b[i] = v;
            lut.g[i] = v;
            lut.r[i] = v;
        }
        return lut;
    }

    /** Whether the tables change nothing. */
    boolean isIdentity() {
        for (int i = 0; i < 256; i++) {
            if (b[i] != i || g[i] != i || r[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The tables that change nothing. */
    static GradeLut identity() {
        GradeLut lut = new GradeLut();
        for (int i = 0; i < 256; i++) {
            lut.b[i] = i;
            lut.g[i] = i;
            lut.r[i] = i;
        }
        return lut;
    }

    /** Writes the graded packed BGR pixels of {@code src} to {@code dst} (same length; may be the same array). */
    void apply(byte[] src, byte[] dst) {
        int[] lb = b;
        int[] lg = g;
        int[] lr = r;
        for (int i = 0; i + 2 < src.length; i += 3) {
            dst[i] = (byte) lb[src[i] & 0xff];
            dst[i + 1] = (byte) lg[src[i + 1] & 0xff];
            dst[i + 2] = (byte) lr[src[i + 2] & 0xff];
        }
    }
}
