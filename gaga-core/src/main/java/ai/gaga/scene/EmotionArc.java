package ai.gaga.scene;

import java.util.List;
import java.util.Objects;

/**
 * How the emotion of one line turns as it is said ("I was so happy… and then you left"): consecutive segments of the
 * line's text, each with its own emotion and intensity. {@link #NONE} (no segments) means the line holds one emotion
 * throughout, the line's own.
 *
 * @param segments in text order, each starting where the previous one ends; the last ends at the end of the text
 */
public record EmotionArc(List<Segment> segments) {
    /** No turn inside the line. */
    public static final EmotionArc NONE = new EmotionArc(List.of());

    /**
     * One stretch of a line.
     *
     * @param start     first character offset in the line's text
     * @param end       offset one past its last character
     * @param emotion   the emotion of this stretch
     * @param intensity how strongly, 0..1
     */
    public record Segment(int start, int end, Emotion emotion, double intensity) {
        public Segment {
            Objects.requireNonNull(emotion, "emotion");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("Arc segment must cover at least one character, got " + start
                        + ".." + end);
            }
            if (!(intensity >= 0 && intensity <= 1)) {
                throw new IllegalArgumentException("Arc segment intensity must be within 0..1, got " + intensity);
            }
        }
    }

    public EmotionArc {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).start() != segments.get(i - 1).end()) {
                throw new IllegalArgumentException("Arc segments must follow each other without gap or overlap: "
                        + segments.get(i - 1) + " then " + segments.get(i));
            }
        }
    }

    /** Whether the line turns at all. */
    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The segment that covers a character offset (the last one past the end); empty arcs have none. */
    public java.util.Optional<Segment> at(int offset) {
        for (Segment s : segments) {
            if (offset < s.end()) {
                return java.util.Optional.of(s);
            }
        }
        return segments.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(segments.get(segments.size() - 1));
    }

    /** The segment at a fraction 0..1 of the text (the fraction of time spoken is a fair proxy for it). */
    public java.util.Optional<Segment> atFraction(double fraction) {
        if (segments.isEmpty()) {
            return java.util.Optional.empty();
        }
        int length = segments.get(segments.size() - 1).end();
        return at((int) Math.floor(Math.max(0, Math.min(1, fraction)) * length));
    }
}
