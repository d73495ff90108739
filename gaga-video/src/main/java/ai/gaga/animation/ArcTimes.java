package ai.gaga.animation;

import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * A line's emotion over time: one piece for a line that holds its emotion, one per turn of its {@link EmotionArc}
 * otherwise, each starting when the first word of its stretch of text is heard ({@link
 * ai.gaga.voice.Utterance#timeOf}: the word timings, else the same fraction of the speech as of the text).
 */
final class ArcTimes {
    /**
     * From {@code start} (seconds in the clip) the line shows {@code emotion} at {@code intensity} (0 for neutral).
     */
    record Piece(double start, Emotion emotion, float intensity) {
    }

    private ArcTimes() {
    }

    /** The pieces of a placed line in time order; the first starts with the line. */
    static List<Piece> of(TimelineEntry e) {
        Line line = e.line();
        List<Piece> out = new ArrayList<>(2);
        List<EmotionArc.Segment> segments = line.arc().segments();
        if (segments.stream().map(EmotionArc.Segment::emotion).distinct().count() < 2) {
            out.add(piece(e.start(), line.emotion(), line.intensity()));
            return out;
        }
        for (EmotionArc.Segment s : segments) {
            if (!out.isEmpty() && out.get(out.size() - 1).emotion() == s.emotion()) {
                continue; // the same emotion, stronger or weaker: no turn to act
            }
            double at = out.isEmpty() ? e.start() : e.start() + e.utterance().timeOf(line.text(), s.start());
            out.add(piece(at, s.emotion(), s.intensity()));
        }
        return out;
    }

    /** The piece showing at {@code t} (the first one before the line starts). */
    static Piece at(List<Piece> pieces, double t) {
        Piece p = pieces.get(0);
        for (int i = 1; i < pieces.size() && pieces.get(i).start() <= t; i++) {
            p = pieces.get(i);
        }
        return p;
    }

    private static Piece piece(double start, Emotion emotion, double intensity) {
        return new Piece(start, emotion, emotion == Emotion.NEUTRAL ? 0f : (float) intensity);
    }
}
