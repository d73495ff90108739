package ai.gaga.scene;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that happens inside a line between words: a pause ({@code [pause 600ms]}, SSML {@code <break>}), a laugh
 * or a sigh.
 *
 * @param at       character offset in {@link Line#text()} where it happens (0 = before the first word)
 * @param kind     what happens
 * @param duration length of a pause; zero for laughs and sighs (their length is the voice's business)
 */
public record Beat(int at, Kind kind, Duration duration) {
    /** What happens at a beat. */
    public enum Kind {
        PAUSE, LAUGH, SIGH
    }

    public Beat {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        if (at < 0) {
            throw new IllegalArgumentException("Beat offset must not be negative, got " + at);
        }
        if (kind == Kind.PAUSE ? duration.isNegative() || duration.isZero() : !duration.isZero()) {
            throw new IllegalArgumentException(kind == Kind.PAUSE ? "A pause must be positive, got " + duration
                    : kind + " has no duration, got " + duration);
        }
    }

    /** A pause of this length at a character offset. */
    public static Beat pause(int at, Duration duration) {
        return new Beat(at, Kind.PAUSE, duration);
    }

    /** A laugh or a sigh at a character offset. */
    public static Beat of(int at, Kind kind) {
        return new Beat(at, kind, Duration.ZERO);
    }

    /** The same beat at another offset. */
    public Beat movedTo(int newAt) {
        return new Beat(newAt, kind, duration);
    }
}
