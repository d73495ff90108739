package ai.gaga.voice.viseme;

import java.util.Objects;

/**
 * One mouth shape held over a time span of an utterance.
 *
 * @param shape which viseme
 * @param start seconds from the start of the utterance
 * @param end   seconds from the start of the utterance, &gt;= start
 */
public record Viseme(OculusViseme shape, double start, double end) {
    public Viseme {
        Objects.requireNonNull(shape, "shape");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad viseme timing " + shape.code() + " " + start + ".." + end);
        }
    }

    public double duration() {
        return end - start;
    }
}
