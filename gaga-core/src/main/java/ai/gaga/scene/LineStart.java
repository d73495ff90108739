package ai.gaga.scene;

import java.time.Duration;
import java.util.Objects;

/**
 * When a line starts relative to the rest of the scene. Script: nothing (sequential), {@code ^} on the character cue
 * (overlaps the previous line), {@code [at 12.5s]} (absolute), {@code [at +0.3s]} (after the previous line ends, or
 * after the previous line starts when combined with {@code ^}).
 *
 * @param kind   how {@code offset} is measured
 * @param offset non-negative time: from the clip start ({@link Kind#AT}), from the previous line's start
 *               ({@link Kind#OVERLAP}) or from the previous line's end and the pauses after it ({@link Kind#AFTER})
 */
public record LineStart(Kind kind, Duration offset) {
    /** The default: right after the previous line and the pauses that follow it. */
    public static final LineStart SEQUENTIAL = new LineStart(Kind.SEQUENTIAL, Duration.ZERO);

    /** How a line's start is measured. */
    public enum Kind {
        /** After everything before it has been said. */
        SEQUENTIAL,
        /** At {@code offset} after the previous line starts: the two are heard together. */
        OVERLAP,
        /** At {@code offset} from the start of the clip. */
        AT,
        /** At {@code offset} after the previous line (and the pauses after it) ends. */
        AFTER
    }

    public LineStart {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(offset, "offset");
        if (offset.isNegative()) {
            throw new IllegalArgumentException("A line cannot start at a negative time, got " + offset);
        }
        if (kind == Kind.SEQUENTIAL && !offset.isZero()) {
            // one spelling per meaning keeps builder and script round trips equal
            throw new IllegalArgumentException("A sequential start has no offset; use AFTER for a gap");
        }
    }

    /** Starts together with the previous line, {@code offset} after it. */
    public static LineStart overlapping(Duration offset) {
        return new LineStart(Kind.OVERLAP, offset);
    }

    /** Starts at this time from the clip start. */
    public static LineStart at(Duration time) {
        return new LineStart(Kind.AT, time);
    }

    /** Starts {@code gap} after the previous line ends. */
    public static LineStart after(Duration gap) {
        return new LineStart(Kind.AFTER, gap);
    }
}
