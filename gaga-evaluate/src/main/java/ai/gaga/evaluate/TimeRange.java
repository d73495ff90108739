package ai.gaga.evaluate;

/**
 * A half-open stretch of a clip, {@code [start, end)} seconds. A frame belongs to it when its start time
 * ({@code index / fps}) does.
 *
 * @param start first second included, &ge; 0
 * @param end   first second excluded, &gt; start
 */
public record TimeRange(double start, double end) {
    public TimeRange {
        if (!(start >= 0) || !(end > start) || Double.isInfinite(end)) {
            throw new IllegalArgumentException("A time range needs 0 <= start < end (finite seconds), got [" + start
                    + ", " + end + ")");
        }
    }

    /** Whether second {@code t} lies inside. */
    public boolean contains(double t) {
        return t >= start && t < end;
    }

    /** Length in seconds. */
    public double duration() {
        return end - start;
    }
}
