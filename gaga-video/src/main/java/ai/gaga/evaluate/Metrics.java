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
}
