package ai.gaga.scene;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One spoken line.
 *
 * @param actor     name of the actor who says it
 * @param text      what is said, plain (no tags, no SSML): what voices speak and subtitles show
 * @param emotion   the emotion it is acted with
 * @param intensity how strongly, 0..1
 * @param delivery  how it is spoken
 * @param start     when it starts relative to the lines around it (sequential by default)
 * @param beats     pauses, laughs and sighs inside the line, by character offset in {@code text}
 * @param markup    the text with its SSML ({@code <prosody>}, {@code <emphasis>}) kept, for voices that read SSML;
 *                  empty when the line has none
 */
public record Line(String actor, String text, Emotion emotion, double intensity, Delivery delivery,
                   LineStart start, List<Beat> beats, String markup)
        implements SceneElement {
    /** How long an ellipsis ({@code …} or {@code ...}) inside a line holds: a hesitation, not a full pause. */
    public static final Duration ELLIPSIS_PAUSE = Duration.ofMillis(400);

    public Line {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(beats, "beats");
        markup = markup == null ? "" : markup;
        if (!(intensity >= 0 && intensity <= 1)) {
            throw new IllegalArgumentException("Emotion intensity must be within 0..1, got " + intensity);
        }
        beats = normalise(text, beats);
    }

    /** A line with the original five parts: sequential, no beats, no markup. */
    public Line(String actor, String text, Emotion emotion, double intensity, Delivery delivery) {
        this(actor, text, emotion, intensity, delivery, LineStart.SEQUENTIAL, List.of(), "");
    }

    /** A neutral, normally delivered line. */
    public static Line of(String actor, String text) {
        return new Line(actor, text, Emotion.NEUTRAL, 0.0, Delivery.NORMAL);
    }

    public Line withEmotion(Emotion newEmotion, double newIntensity) {
        return new Line(actor, text, newEmotion, newIntensity, delivery, start, beats, markup);
    }

    public Line withDelivery(Delivery newDelivery) {
        return new Line(actor, text, emotion, intensity, newDelivery, start, beats, markup);
    }

    /** The same line starting differently. */
    public Line withStart(LineStart newStart) {
        return new Line(actor, text, emotion, intensity, delivery, newStart, beats, markup);
    }

    /** The same line with other text, beats and markup (beats refer to the new text). */
    public Line withText(String newText, List<Beat> newBeats, String newMarkup) {
        return new Line(actor, newText, emotion, intensity, delivery, start, newBeats, newMarkup);
    }

    /** The same line said by another actor. */
    public Line withActor(String newActor) {
        return new Line(newActor, text, emotion, intensity, delivery, start, beats, markup);
    }

    /** Whether the line carries SSML markup. */
    public boolean hasMarkup() {
        return !markup.isEmpty();
    }

    /**
     * Every pause inside the line in text order: the explicit {@link Beat.Kind#PAUSE} beats and one
     * {@link #ELLIPSIS_PAUSE} after each ellipsis that is followed by more words.
     */
    public List<Beat> pauses() {
        List<Beat> result = new ArrayList<>(beats.stream().filter(b -> b.kind() == Beat.Kind.PAUSE).toList());
        for (int i = 0; i < text.length(); i++) {
            int end = text.startsWith("...", i) ? i + 3 : text.charAt(i) == '\u2026' ? i + 1 : -1;
            if (end > 0) {
                while (end < text.length() && (text.charAt(end) == '.' || text.charAt(end) == '\u2026')) {
                    end++;
                }
                if (!text.substring(end).isBlank()) {
                    int at = end;
                    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                        at++;
                    }
                    result.add(Beat.pause(at, ELLIPSIS_PAUSE));
                }
                i = end - 1;
            }
        }
        result.sort(Comparator.comparingInt(Beat::at));
        return List.copyOf(result);
    }

    /**
     * One spelling per position, so that a builder and a parsed script give equal lines: a beat between two words
     * sits at the start of the next word; beats are ordered by offset (stable).
     */
    private static List<Beat> normalise(String text, List<Beat> beats) {
        List<Beat> result = new ArrayList<>(beats.size());
        for (Beat b : beats) {
            Objects.requireNonNull(b, "beat");
            if (b.at() > text.length()) {
                throw new IllegalArgumentException("Beat at " + b.at() + " is past the end of \"" + text + "\"");
            }
            int at = b.at();
            while (at > 0 && at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (b.kind() == Beat.Kind.PAUSE && (at == 0 || at >= text.length())) {
                throw new IllegalArgumentException("A pause at the start or end of a line is a pause between "
                        + "lines: use Pause (script: [pause …] on its own line), not a beat");
            }
            result.add(at == b.at() ? b : b.movedTo(at));
        }
        result.sort(Comparator.comparingInt(Beat::at));
        return List.copyOf(result);
    }
}
