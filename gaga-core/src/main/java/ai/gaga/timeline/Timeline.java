package ai.gaga.timeline;

import java.util.List;
import java.util.Optional;

/**
 * Who speaks when. Entries are ordered by start time.
 *
 * @param entries         spoken lines in time order
 * @param durationSeconds length of the whole clip, including trailing pauses
 */
public record Timeline(List<TimelineEntry> entries, double durationSeconds) {
    public Timeline {
        entries = List.copyOf(entries);
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("Negative duration " + durationSeconds);
        }
    }

    /** The line spoken at time t, if any. */
    public Optional<TimelineEntry> speakingAt(double t) {
        for (TimelineEntry e : entries) {
            if (e.covers(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Number of frames at this rate (the last partial frame counts). */
    public int frameCount(int fps) {
        return (int) Math.ceil(durationSeconds * fps - 1e-9);
    }
}
