package ai.gaga.evaluate;

import ai.gaga.face.FaceMesh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The full-mesh shapes of a clip's first and last window, gathered while streaming: the first window's frames are
 * kept as they pass, the last as a short queue of recent frames (their arrays recycled) because the clip's end is
 * only known when decoding stops. Frames are kept one by one (a window is 25-30 frames) so that which of them count
 * as at rest can be decided once the whole clip is known. Not thread-safe.
 */
final class RestShape {
    private record Entry(int index, double time, float[] xy, double iod) {
    }

    /** Rest-pose drift of the full mesh: mean and largest point distance, and the frames averaged at each end. */
    record Drift(double mean, double max, int firstFrames, int lastFrames) {
        static final Drift NONE = new Drift(Double.NaN, Double.NaN, 0, 0);
    }

    private final double window;
    private final List<Entry> first = new ArrayList<>();
    private final ArrayDeque<Entry> recent = new ArrayDeque<>();
    private final ArrayDeque<float[]> spare = new ArrayDeque<>();

    RestShape(double windowSeconds) {
        this.window = windowSeconds;
    }

    /** Adds a frame's mesh (frames without a face are simply not added). */
    void add(int index, double time, FaceMesh m) {
        double iod = m.interOcularDistance();
        if (time < window) {
            first.add(new Entry(index, time, copy(m, new float[2 * FaceMesh.SIZE]), iod));
        }
        while (!recent.isEmpty() && recent.peekFirst().time() < time - window - 1e-9) {
            spare.push(recent.pollFirst().xy());
        }
        float[] xy = copy(m, spare.isEmpty() ? new float[2 * FaceMesh.SIZE] : spare.pop());
        recent.addLast(new Entry(index, time, xy, iod));
    }

    private static float[] copy(FaceMesh m, float[] xy) {
        for (int i = 0; i < FaceMesh.SIZE; i++) {
            xy[2 * i] = (float) m.get(i).x();
            xy[2 * i + 1] = (float) m.get(i).y();
        }
        return xy;
    }

    /**
     * Mean distance of all mesh points between the first window and the last (frames starting in
     * {@code [duration - window, duration)}), after a similarity transform fitted on {@code anchors} has taken the
     * last shape onto the first, in inter-ocular units; {@code NaN} when either window has no face.
     */
    double drift(double duration, int[] anchors) {
        double[] a = new double[2 * FaceMesh.SIZE + 1];
        double[] b = new double[2 * FaceMesh.SIZE + 1];
        if (mean(first, f -> true, a) == 0 || mean(last(duration), f -> true, b) == 0) {
            return Double.NaN;
        }
        return Metrics.alignedDistance(a, b, anchors) / a[2 * FaceMesh.SIZE];
    }

    /**
     * How far the face at rest sits at the end from where it sat at the start, nothing removed (a still camera is
     * assumed): the mean shape of the frames of each window that {@code atRest} accepts, compared point by point,
     * in inter-ocular units (the mean of both windows).
     */
    Drift restDrift(double duration, IntPredicate atRest) {
        double[] a = new double[2 * FaceMesh.SIZE + 1];
        double[] b = new double[2 * FaceMesh.SIZE + 1];
        int na = mean(first, atRest, a);
        int nb = mean(last(duration), atRest, b);
        if (na == 0 || nb == 0) {
            return new Drift(Double.NaN, Double.NaN, na, nb);
        }
        double iod = (a[2 * FaceMesh.SIZE] + b[2 * FaceMesh.SIZE]) / 2;
        double sum = 0;
        double max = 0;
        for (int i = 0; i < FaceMesh.SIZE; i++) {
            double d = Math.hypot(b[2 * i] - a[2 * i], b[2 * i + 1] - a[2 * i + 1]);
            sum += d;
            max = Math.max(max, d);
        }
        return new Drift(sum / FaceMesh.SIZE / iod, max / iod, na, nb);
    }

    private List<Entry> last(double duration) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : recent) {
            if (e.time() >= duration - window - 1e-9) {
                out.add(e);
            }
        }
        return out;
    }

    /** Mean of the accepted entries' points into {@code out}, then their mean inter-ocular distance; the count. */
    private static int mean(List<Entry> entries, IntPredicate accept, double[] out) {
        int count = 0;
        int n = 2 * FaceMesh.SIZE;
        for (Entry e : entries) {
            if (!accept.test(e.index())) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                out[k] += e.xy()[k];
            }
            out[n] += e.iod();
            count++;
        }
        for (int k = 0; count > 0 && k <= n; k++) {
            out[k] /= count;
        }
        return count;
    }
}
