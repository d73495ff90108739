package ai.gaga.evaluate;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    /** A random envelope and a copy of it moved {@code shift} frames later. */
    private static double[][] shifted(int n, int shift, long seed) {
        Random r = new Random(seed);
        double[] audio = new double[n];
        for (int i = 0; i < n; i++) {
            audio[i] = r.nextDouble();
        }
        double[] video = new double[n];
        for (int i = 0; i < n; i++) {
            int j = i - shift;
            video[i] = j >= 0 && j < n ? audio[j] : Double.NaN;
        }
        return new double[][] {video, audio};
    }

    @Test
    void videoLaterThanSoundIsAPositiveLag() {
        for (int shift : new int[] {-7, -3, 0, 2, 5, 10}) {
            double[][] s = shifted(120, shift, 3 + shift);
            double[] c = Metrics.correlationByLag(s[0], s[1], 10);
            int best = Metrics.bestLagIndex(c) - 10;
            assertEquals(shift, best, "shift " + shift);
            assertEquals(1.0, c[best + 10], 1e-9);
        }
    }

    @Test
    void missingFramesAreSkippedAndConstantSeriesHaveNoCorrelation() {
        double[][] s = shifted(80, 2, 9);
        s[0][30] = Double.NaN;
        s[0][31] = Double.NaN;
        double[] c = Metrics.correlationByLag(s[0], s[1], 4);
        assertEquals(6, Metrics.bestLagIndex(c));
        double[] flat = new double[80];
        double[] none = Metrics.correlationByLag(flat, s[1], 3);
        for (double v : none) {
            assertTrue(Double.isNaN(v));
        }
        assertEquals(-1, Metrics.bestLagIndex(none));
    }

    @Test
    void tiesGoToTheLagNearestZero() {
        assertEquals(2, Metrics.bestLagIndex(new double[] {0.9, 0.5, 0.9, 0.9, 0.1}));
        assertEquals(3, Metrics.bestLagIndex(new double[] {Double.NaN, 0.2, 0.5, 0.9, 0.9}));
    }

    @Test
    void quantileIgnoresMissingValues() {
        double[] v = {5, Double.NaN, 1, 3, 2, 4};
        assertEquals(1, Metrics.quantile(v, 0));
        assertEquals(3, Metrics.quantile(v, 0.5));
        assertEquals(5, Metrics.quantile(v, 1));
        assertTrue(Double.isNaN(Metrics.quantile(new double[] {Double.NaN}, 0.5)));
    }

    @Test
    void onlyLongSilencesCountWithGuardsInside() {
        double[] env = {0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0};
        boolean[] s = Metrics.longSilences(env, 0.5, 2.5, 1);
        // Guards only next to sound: the first run keeps its start, the 2-frame gap is too short, the 6-frame gap
        // loses a frame at each end, the last run keeps its end.
        boolean[] want = {true, true, false, false, false, false, false, false, false, true, true, true, true, false,
                false, false, true, true};
        assertArrayEquals(want, s);
    }

    @Test
    void alignedDistanceRemovesASimilarityTransform() {
        Random r = new Random(4);
        int n = 30;
        double[] a = new double[2 * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = 100 + 50 * r.nextDouble();
        }
        double c = Math.cos(0.2) * 1.3;
        double s = Math.sin(0.2) * 1.3;
        double[] b = new double[2 * n];
        for (int i = 0; i < n; i++) {
            b[2 * i] = c * a[2 * i] - s * a[2 * i + 1] + 17;
            b[2 * i + 1] = s * a[2 * i] + c * a[2 * i + 1] - 9;
        }
        int[] anchors = {0, 3, 5, 8, 13, 21};
        assertEquals(0, Metrics.alignedDistance(a, b, anchors), 1e-9);
        // A point outside the anchors that moved in the moved set's own frame shows up (scaled back by 1/1.3).
        b[2 * 29] += 13;
        assertEquals(10.0 / n, Metrics.alignedDistance(a, b, anchors), 1e-9);
    }
}
