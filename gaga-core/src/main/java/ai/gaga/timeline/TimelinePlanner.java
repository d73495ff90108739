package ai.gaga.timeline;

import ai.gaga.InvalidSceneException;
import ai.gaga.SceneTooLongException;
import ai.gaga.scene.Line;
import ai.gaga.scene.LineStart;
import ai.gaga.scene.Pause;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import ai.gaga.voice.Utterance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Places every line, pause and cue in time and enforces {@link Scene#maxDuration()}. Lines follow each other (with
 * the pauses between them) unless their {@link LineStart} says otherwise: {@code ^} overlaps start at the previous
 * line's start plus an offset, {@code [at 12.5s]} is absolute, {@code [at +0.3s]} comes that long after the previous
 * line. An absolute time that makes two lines overlap without {@code ^} is an error naming both. The result carries
 * the cut ({@link ShotPlanner}).
 */
@ai.gaga.Internal
public final class TimelinePlanner {
    /**
     * @param utterances speech of each line, in {@link Scene#lines()} order
     * @throws SceneTooLongException when the result is longer than the scene allows
     * @throws InvalidSceneException for an unmarked overlap or a start beyond the limit
     */
    public Timeline plan(Scene scene, List<Utterance> utterances) {
        return plan(scene, utterances, List.of());
    }

    /**
     * As {@link #plan(Scene, List)}, the cut framed from the cast's photos ({@link ShotPlanner#plan(Scene, Timeline,
     * List)}): shot sizes the faces' pixels allow, each shot's source scale recorded.
     *
     * @param cast each actor's photo size and faces
     */
    public Timeline plan(Scene scene, List<Utterance> utterances, List<ai.gaga.render.CastMember> cast) {
        List<Line> lines = scene.lines();
        if (utterances.size() != lines.size()) {
            throw new IllegalArgumentException(lines.size() + " lines but " + utterances.size() + " utterances");
        }
        double max = scene.maxDuration().toNanos() / 1e9;
        List<TimelineEntry> entries = new ArrayList<>();
        List<TimedCue> cues = new ArrayList<>();
        double cursor = 0; // where the next sequential element goes: after everything said and paused so far
        TimelineEntry previous = null;
        TimelineEntry latest = null; // the line that ends last so far, for overlap errors
        int next = 0;
        for (SceneElement element : scene.elements()) {
            if (element instanceof Pause pause) {
                cues.add(new TimedCue(pause, cursor));
                cursor += seconds(pause.duration());
            } else if (element instanceof Line line) {
                LineStart s = line.start();
                double offset = seconds(s.offset());
                double start = switch (s.kind()) {
                    case SEQUENTIAL -> cursor;
                    case AFTER -> cursor + offset;
                    case AT -> offset;
                    case OVERLAP -> {
                        if (previous == null) {
                            throw new InvalidSceneException("Line 1 (\"" + line.text()
                                    + "\") overlaps the previous line, but there is none");
                        }
                        yield previous.start() + offset;
                    }
                };
                int number = next + 1;
                if (start > max + Timeline.EPSILON) {
                    throw new InvalidSceneException(String.format(Locale.ROOT,
                            "Line %d (\"%s\") would start at %.2f s, after the %.2f s limit (maxDuration)",
                            number, line.text(), start, max));
                }
                TimelineEntry entry = new TimelineEntry(line, utterances.get(next++), start);
                if (s.kind() == LineStart.Kind.AT && latest != null && start < latest.end() - Timeline.EPSILON) {
                    throw new InvalidSceneException(String.format(Locale.ROOT,
                            "Line %d (%s: \"%s\") starts at %.2f s while line %d (%s: \"%s\") is spoken until "
                                    + "%.2f s. Mark the overlap with ^ on the cue, or start it at %.2f s or later.",
                            number, line.actor(), line.text(), start, lines.indexOf(latest.line()) + 1,
                            latest.line().actor(), latest.line().text(), latest.end(), latest.end()));
                }
                entries.add(entry);
                previous = entry;
                if (latest == null || entry.end() > latest.end()) {
                    latest = entry;
                }
                cursor = Math.max(cursor, Math.max(start, latest.end()));
            } else {
                cues.add(new TimedCue(element, cursor));
            }
        }
        double t = cursor;
        Duration length = Duration.ofNanos(Math.round(t * 1e9));
        if (length.compareTo(scene.maxDuration()) > 0) {
            throw new SceneTooLongException(length, scene.maxDuration());
        }
        entries.sort(Comparator.comparingDouble(TimelineEntry::start));
        cues.sort(Comparator.comparingDouble(TimedCue::start));
        Timeline timeline = new Timeline(entries, t, cues);
        return timeline.withShots(new ShotPlanner().plan(scene, timeline, cast));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
