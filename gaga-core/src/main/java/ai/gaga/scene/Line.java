package ai.gaga.scene;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param emotionGiven  whether the emotion was asked for (script parenthetical, builder) rather than left to the
 *                      analyser ({@code ai.gaga.direction}), which only fills the emotions not given
 * @param deliveryGiven whether the delivery was asked for rather than left to the analyser
 * @param arc       how the emotion turns inside the line; {@link EmotionArc#NONE} when it holds one emotion
 * @param recording the user's own recording of the line ({@code says(Path)}), played instead of a voice and
 *                  lip-synced from its sound; {@code null} for lines a voice speaks (see {@link #recorded()}).
 *                  {@code text} is then the transcript, possibly empty
 */
public record Line(String actor, String text, Emotion emotion, double intensity, Delivery delivery,
                   LineStart start, List<Beat> beats, String markup, boolean emotionGiven, boolean deliveryGiven,
                   EmotionArc arc, Path recording)
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
        arc = arc == null ? EmotionArc.NONE : arc;
        if (!arc.isEmpty() && arc.segments().get(arc.segments().size() - 1).end() != text.length()) {
            throw new IllegalArgumentException("Emotion arc must end at the end of the text (" + text.length()
                    + "), got " + arc.segments().get(arc.segments().size() - 1).end());
        }
        if (!(intensity >= 0 && intensity <= 1)) {
            throw new IllegalArgumentException("Emotion intensity must be within 0..1, got " + intensity);
        }
        beats = normalise(text, beats);
        if (recording == null && text.isBlank()) {
            throw new IllegalArgumentException("A line needs text to speak (only a recorded line may have none)");
        }
    }

    /** A line a voice speaks (no recording). */
    public Line(String actor, String text, Emotion emotion, double intensity, Delivery delivery,
                LineStart start, List<Beat> beats, String markup, boolean emotionGiven, boolean deliveryGiven,
                EmotionArc arc) {
        this(actor, text, emotion, intensity, delivery, start, beats, markup, emotionGiven, deliveryGiven, arc, null);
    }

    /** A line played from the user's recording, with its transcript (may be empty). */
    public static Line recorded(String actor, Path recording, String transcript) {
        Objects.requireNonNull(recording, "recording");
        return new Line(actor, transcript == null ? "" : transcript.strip(), Emotion.NEUTRAL, 0.0, Delivery.NORMAL,
                LineStart.SEQUENTIAL, List.of(), "", false, false, EmotionArc.NONE, recording);
    }

    /** The user's recording of this line, if it is not spoken by a voice. */
    public Optional<Path> recorded() {
        return Optional.ofNullable(recording);
    }

    /**
     * A line as scripts and builders make it: an emotion other than neutral-at-zero counts as given, and so does a
     * delivery other than normal (that is how "not given" was spelled before the flags existed); no arc.
     */
    public Line(String actor, String text, Emotion emotion, double intensity, Delivery delivery,
                LineStart start, List<Beat> beats, String markup) {
        this(actor, text, emotion, intensity, delivery, start, beats, markup,
                !(emotion == Emotion.NEUTRAL && intensity == 0.0), delivery != Delivery.NORMAL, EmotionArc.NONE);
    }

    /** A line with the original five parts: sequential, no beats, no markup. */
    public Line(String actor, String text, Emotion emotion, double intensity, Delivery delivery) {
        this(actor, text, emotion, intensity, delivery, LineStart.SEQUENTIAL, List.of(), "");
    }

    /** A neutral, normally delivered line. */
    public static Line of(String actor, String text) {
        return new Line(actor, text, Emotion.NEUTRAL, 0.0, Delivery.NORMAL);
    }

    /** The same line with an emotion asked for (it counts as given; any inferred arc is dropped). */
    public Line withEmotion(Emotion newEmotion, double newIntensity) {
        return new Line(actor, text, newEmotion, newIntensity, delivery, start, beats, markup, true, deliveryGiven,
                EmotionArc.NONE, recording);
    }

    /** The same line with a delivery asked for (it counts as given). */
    public Line withDelivery(Delivery newDelivery) {
        return new Line(actor, text, emotion, intensity, newDelivery, start, beats, markup, emotionGiven, true, arc,
                recording);
    }

    /**
     * The same line with an emotion the analyser inferred: it stays "not given", so analysing again replaces it.
     */
    public Line withInferredEmotion(Emotion newEmotion, double newIntensity, EmotionArc newArc) {
        return new Line(actor, text, newEmotion, newIntensity, delivery, start, beats, markup, false, deliveryGiven,
                newArc, recording);
    }

    /** The same line with a delivery the analyser inferred (still "not given"). */
    public Line withInferredDelivery(Delivery newDelivery) {
        return new Line(actor, text, emotion, intensity, newDelivery, start, beats, markup, emotionGiven, false, arc,
                recording);
    }

    /** The same line starting differently. */
    public Line withStart(LineStart newStart) {
        return new Line(actor, text, emotion, intensity, delivery, newStart, beats, markup, emotionGiven,
                deliveryGiven, arc, recording);
    }

    /** The same line with other text, beats and markup (beats refer to the new text; an inferred arc is dropped). */
    public Line withText(String newText, List<Beat> newBeats, String newMarkup) {
        return new Line(actor, newText, emotion, intensity, delivery, start, newBeats, newMarkup, emotionGiven,
                deliveryGiven, EmotionArc.NONE, recording);
    }

    /** The same line said by another actor. */
    public Line withActor(String newActor) {
        return new Line(newActor, text, emotion, intensity, delivery, start, beats, markup, emotionGiven,
                deliveryGiven, arc, recording);
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
