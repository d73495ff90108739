package ai.gaga.evaluate;

import java.util.Arrays;

/** The evaluator's arithmetic on per-frame series, kept apart from decoding and models so it can be tested alone. */
final class Metrics {
    /** Fewest frame pairs a correlation needs to mean anything. */
    static final int MIN_PAIRS = 8;

    private Metrics() {
    }

    /**
     * Pearson correlation of {@code video[i + lag]} with {@code audio[i]} for every lag in {@code [-maxLag, maxLag]},
     * over the frames where both are finite; {@code NaN} where fewer than {@link #MIN_PAIRS} pairs exist or a
     * series is constant.
     */
    static double[] correlationByLag(double[] video, double[] audio, int maxLag) {
        double[] out = new double[2 * maxLag + 1];
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            out[lag + maxLag] = pearson(video, audio, lag);
        }
        return out;
    }

    private static double pearson(double[] video, double[] audio, int lag) {
        int n = 0;
        double sv = 0;
        double sa = 0;
        for (int i = 0; i < audio.length; i++) {
            int j = i + lag;
            if (j >= 0 && j < video.length && Double.isFinite(video[j]) && Double.isFinite(audio[i])) {
                n++;
                sv += video[j];
                sa += audio[i];
            }
        }
        if (n < MIN_PAIRS) {
            return Double.NaN;
        }
        double mv = sv / n;
        double ma = sa / n;
        double cov = 0;
        double vv = 0;
        double va = 0;
        for (int i = 0; i < audio.length; i++) {
            int j = i + lag;
            if (j >= 0 && j < video.length && Double.isFinite(video[j]) && Double.isFinite(audio[i])) {
                double dv = video[j] - mv;
                double da = audio[i] - ma;
                cov += dv * da;
                vv += dv * dv;
                va += da * da;
            }
        }
        // A constant series (a still face, a flat tone) carries no timing: no correlation rather than 0/0.
        if (vv <= 1e-12 * n || va <= 1e-12 * n) {
            return Double.NaN;
        }
        return cov / Math.sqrt(vv * va);
    }

    /**
     * Index of the largest finite value, ties going to the index nearest the centre (lag 0); -1 when none is
     * finite.
     */
    static int bestLagIndex(double[] correlation) {
        int centre = correlation.length / 2;
        int best = -1;
        for (int i = 0; i < correlation.length; i++) {
            double c = correlation[i];
            if (!Double.isFinite(c)) {
                continue;
            }
            if (best < 0 || c > correlation[best]
                    || (c == correlation[best] && Math.abs(i - centre) < Math.abs(best - centre))) {
                best = i;
            }
        }
        return best;
    }

    /** The {@code q} quantile (0..1, nearest rank) of the finite values; {@code NaN} when there are none. */
    static double quantile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int k = (int) Math.round(q * (v.length - 1));
        return v[Math.max(0, Math.min(v.length - 1, k))];
    }

    /**
     * Marks the frames inside silent stretches: runs of frames with {@code envelope < level} lasting more than
     * {@code minFrames} frames, with {@code guard} frames dropped at each end of a run (not at the clip's ends,
     * where there is no neighbouring sound to coarticulate with).
     */
    static boolean[] longSilences(double[] envelope, double level, double minFrames, int guard) {
        boolean[] out = new boolean[envelope.length];
        int i = 0;
        while (i < envelope.length) {
            if (!(envelope[i] < level)) {
                i++;
                continue;
            }
            int start = i;
            while (i < envelope.length && envelope[i] < level) {
                i++;
            }
            int end = i; // exclusive
            if (end - start > minFrames) {
                int from = start == 0 ? 0 : start + guard;
                int to = end == envelope.length ? end : end - guard;
                for (int k = from; k < to; k++) {
                    out[k] = true;
                }
            }
        }
        return out;
    }

    /**
     * Mean distance between two point sets (x, y interleaved, same order) after the least-squares similarity
     * transform (scale, rotation, translation) fitted on the {@code anchors} has moved {@code moved} onto
     * {@code reference}. Written with complex numbers: the scaled rotation is
     * {@code sum(conj(b) a) / sum(|b|^2)} over the centred anchors.
     */
    static double alignedDistance(double[] reference, double[] moved, int[] anchors) {
        double ax = 0;
        double ay = 0;
        double bx = 0;
        double by = 0;
        for (int i : anchors) {
            ax += reference[2 * i];
            ay += reference[2 * i + 1];
            bx += moved[2 * i];
            by += moved[2 * i + 1];
        }
        ax /= anchors.length;
        ay /= anchors.length;
        bx /= anchors.length;
        by /= anchors.length;
        double re = 0;
        double im = 0;
        double norm = 0;
        for (int i : anchors) {
            double px = moved[2 * i] - bx;
            double py = moved[2 * i + 1] - by;
            double qx = reference[2 * i] - ax;
            double qy = reference[2 * i + 1] - ay;
            re += px * qx + py * qy;
            im += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (norm <= 0) {
            return Double.NaN;
        }
        re /= norm;
        im /= norm;
        double sum = 0;
        int n = reference.length / 2;
        for (int i = 0; i < n; i++) {
            double px = moved[2 * i] - bx;
            double py = moved[2 * i + 1] - by;
            double x = re * px - im * py + ax;
            double y = im * px + re * py + ay;
            sum += Math.hypot(x - reference[2 * i], y - reference[2 * i + 1]);
        }
        return sum / n;
    }
}
