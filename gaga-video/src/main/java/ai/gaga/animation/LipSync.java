package ai.gaga.animation;

import ai.gaga.scene.Delivery;
import ai.gaga.timeline.TimelineEntry;
import ai.gaga.voice.viseme.Viseme;

/**
 * Visemes → mouth controls, per frame. Each viseme pulls the mouth towards its shape with a smooth kernel that covers
 * its span and reaches {@link #ANTICIPATION} before it (the lips get ready for the next sound) and {@link #CARRY_OVER}
 * after it; the shapes are blended by kernel × dominance (a dominance model of coarticulation), so a short p between
 * two vowels still closes the lips while vowels soften each other. The jaw follows the utterance's loudness envelope
 * (louder syllables open wider) and the delivery (a whisper opens less). Computed on a fine 200 Hz grid, then averaged
 * over each frame's time with a narrow Gaussian (temporal anti-aliasing: no flicker, no lag).
 */
final class LipSync {
    /** Silences at least this long bring the mouth back to rest. */
    static final double REST_SILENCE = 0.15;
    static final double ANTICIPATION = 0.06;
    static final double CARRY_OVER = 0.045;
    private static final double RATE = 200;
    /** How far the kernels reach, in units of anticipation or carry-over. */
    private static final double REACH = 1.5;
    /** Weight of "rest" everywhere, so the mouth settles closed wherever no viseme reaches. */
    private static final double REST_WEIGHT = 0.02;

    /** Per mouth control (index as {@link VisemeShapes#MOUTH}), per frame. */
    final float[][] mouth;
    /** Relative loudness of the actor's own speech per frame (0 when silent). */
    final float[] loudness;

    LipSync(Stage stage) {
        int m = VisemeShapes.MOUTH.length;
        int n = (int) Math.ceil(stage.seconds() * RATE) + 2;
        double[] weights = new double[n];
        java.util.Arrays.fill(weights, REST_WEIGHT);
        double[][] acc = new double[m][n];
        float[] gain = new float[n];
        java.util.Arrays.fill(gain, 0.8f);
        float[] loud = new float[n];
        for (TimelineEntry e : stage.own) {
            double offset = e.start();
            for (Viseme v : e.utterance().visemes().visemes()) {
                blend(v, offset, weights, acc);
            }
            LoudnessEnvelope env = LoudnessEnvelope.of(e.utterance().audio(), RATE);
            double factor = deliveryFactor(e.line().delivery());
            // A trembling voice shakes the jaw a little (about 7 Hz), as it shakes the voice.
            double tremor = e.line().delivery() == Delivery.TREMBLING ? 0.12 : 0;
            int from = Math.max(0, (int) Math.ceil(offset * RATE));
            int to = Math.min(n - 1, (int) Math.floor(e.end() * RATE));
            for (int k = from; k <= to; k++) {
                double rel = env.at(k / RATE - offset);
                loud[k] = (float) rel;
                gain[k] = (float) (factor * (0.35 + 0.75 * Math.min(1.3, rel))
                        * (1 + tremor * Math.sin(2 * Math.PI * 7 * (k / RATE - offset))));
            }
        }
        // The gain must not step where an utterance starts or ends: soften it (15 ms) before it scales the jaw.
        gain = Curves.gaussian(gain, 0.015 * RATE);
        float[][] fine = new float[m][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < m; i++) {
                fine[i][k] = (float) (acc[i][k] / weights[k]);
            }
            fine[VisemeShapes.JAW][k] *= gain[k];
            fine[VisemeShapes.LOWER_DOWN][k] *= gain[k];
        }
        int frames = stage.frames;
        double sigma = 0.45 / stage.fps * RATE;
        mouth = new float[m][];
        for (int i = 0; i < m; i++) {
            mouth[i] = resample(fine[i], frames, stage.fps, sigma);
        }
        loudness = resample(loud, frames, stage.fps, sigma);
    }

    private static void blend(Viseme v, double offset, double[] weights, double[][] acc) {
        double s = offset + v.start();
        double e = offset + v.end();
        double dominance = VisemeShapes.dominance(v.shape(), v.duration());
        float[] target = VisemeShapes.target(v.shape());
        int from = Math.max(0, (int) Math.ceil((s - REACH * ANTICIPATION) * RATE));
        int to = Math.min(weights.length - 1, (int) Math.floor((e + REACH * CARRY_OVER) * RATE));
        for (int k = from; k <= to; k++) {
            double t = k / RATE;
            double w = t < s ? kernel((s - t) / ANTICIPATION) : t > e ? kernel((t - e) / CARRY_OVER) : 1;
            w *= dominance;
            weights[k] += w;
            for (int i = 0; i < target.length; i++) {
                acc[i][k] += w * target[i];
            }
        }
    }

    /**
     * 1 at the span's edge, a Gaussian falling to 1 % at x = 1 and cut at {@link #REACH}. Its long soft tail makes the
     * hand-over between a dominant shape and its neighbours gradual instead of a late, steep switch.
     */
    private static double kernel(double x) {
        return x >= REACH ? 0 : Math.exp(-4.6 * x * x);
    }

    /** How wide a delivery opens the mouth. */
    static double deliveryFactor(Delivery d) {
        return switch (d) {
            case NORMAL -> 1.0;
            case SOFT -> 0.8;
            case WHISPER -> 0.6;
            case SHOUT -> 1.25;
            case TREMBLING -> 0.9;
        };
    }

    /** Gaussian-weighted average of the fine curve around each frame's instant. */
    private static float[] resample(float[] fine, int frames, int fps, double sigma) {
        float[] out = new float[frames];
        int radius = (int) Math.ceil(3 * sigma);
        for (int f = 0; f < frames; f++) {
            double centre = Curves.time(f, fps) * RATE;
            int c = (int) Math.round(centre);
            double sum = 0;
            double wsum = 0;
            for (int k = c - radius; k <= c + radius; k++) {
                if (k < 0 || k >= fine.length) {
                    continue;
                }
                double d = k - centre;
                double w = Math.exp(-0.5 * d * d / (sigma * sigma));
                sum += w * fine[k];
                wsum += w;
            }
            out[f] = wsum > 0 ? (float) (sum / wsum) : 0f;
        }
        return out;
    }
}
