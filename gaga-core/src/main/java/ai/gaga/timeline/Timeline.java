package ai.gaga.timeline;

import java.util.List;
import java.util.Optional;

/**
 * Who speaks when. Entries are ordered by start time.
 *
 * @param entries         spoken lines in time order
 * @param durationSeconds length of the whole clip, including trailing pauses
 * @param cues            pauses and cues in time order
 */
public record Timeline(List<TimelineEntry> entries, double durationSeconds, List<TimedCue> cues) {
    /** Tolerance for float sums of exact script times, far below one frame (40 ms at 25 fps). */
    static final double EPSILON = 1e-6;

    public Timeline {
        entries = List.copyOf(entries);
        cues = List.copyOf(cues);
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("Negative duration " + durationSeconds);
        }
    }

    /** A timeline of lines only. */
    public Timeline(List<TimelineEntry> entries, double durationSeconds) {
        this(entries, durationSeconds, List.of());
    }

    /** The frame (0-based) that shows time t at this rate: frame i covers [i/fps, (i+1)/fps). */
    public static int frameAt(double seconds, int fps) {
        return (int) Math.floor(seconds * fps + EPSILON);
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
