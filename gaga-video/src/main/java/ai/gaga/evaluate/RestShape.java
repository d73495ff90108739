package ai.gaga.evaluate;

import ai.gaga.face.FaceMesh;

import java.util.ArrayDeque;

/**
 * The mean full-mesh shape of a clip's first and last window, gathered while streaming: the first window is summed
 * as it passes, the last is kept as a short queue of recent frames (their arrays recycled) because the clip's end is
 * only known when decoding stops. Not thread-safe.
 */
final class RestShape {
    private record Entry(double time, float[] xy, double iod) {
    }

    private final double window;
    private final double[] firstSum = new double[2 * FaceMesh.SIZE];
    private double firstIod;
    private int firstCount;
    private final ArrayDeque<Entry> recent = new ArrayDeque<>();
    private final ArrayDeque<float[]> spare = new ArrayDeque<>();

    RestShape(double windowSeconds) {
        this.window = windowSeconds;
    }

    /** Adds a frame's mesh (frames without a face are simply not added). */
    void add(double time, FaceMesh m) {
        double iod = m.interOcularDistance();
        if (time < window) {
            for (int i = 0; i < FaceMesh.SIZE; i++) {
                firstSum[2 * i] += m.get(i).x();
                firstSum[2 * i + 1] += m.get(i).y();
            }
            firstIod += iod;
            firstCount++;
        }
        while (!recent.isEmpty() && recent.peekFirst().time() < time - window - 1e-9) {
            spare.push(recent.pollFirst().xy());
        }
        float[] xy = spare.isEmpty() ? new float[2 * FaceMesh.SIZE] : spare.pop();
        for (int i = 0; i < FaceMesh.SIZE; i++) {
            xy[2 * i] = (float) m.get(i).x();
            xy[2 * i + 1] = (float) m.get(i).y();
        }
        recent.addLast(new Entry(time, xy, iod));
    }

    /**
     * Mean distance of all mesh points between the first window and the last (frames starting in
     * {@code [duration - window, duration)}), after a similarity transform fitted on {@code anchors} has taken the
     * last shape onto the first, in inter-ocular units; {@code NaN} when either window has no face.
     */
    double drift(double duration, int[] anchors) {
        double[] last = new double[2 * FaceMesh.SIZE];
        int count = 0;
        for (Entry e : recent) {
            if (e.time() >= duration - window - 1e-9) {
                for (int k = 0; k < last.length; k++) {
                    last[k] += e.xy()[k];
                }
                count++;
            }
        }
        if (count == 0 || firstCount == 0) {
            return Double.NaN;
        }
        double[] first = new double[firstSum.length];
        for (int k = 0; k < first.length; k++) {
            first[k] = firstSum[k] / firstCount;
            last[k] /= count;
        }
        return Metrics.alignedDistance(first, last, anchors) / (firstIod / firstCount);
    }
}
