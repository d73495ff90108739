package ai.gaga.timeline;

import ai.gaga.SceneTooLongException;
import ai.gaga.scene.Line;
import ai.gaga.scene.Pause;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneElement;
import ai.gaga.voice.Utterance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Places lines one after the other, with the scene's pauses between them, and enforces {@link Scene#maxDuration()}.
 * (Overlaps and absolute times arrive with the script direction work.)
 */
public final class TimelinePlanner {
    /**
     * @param utterances speech of each line, in {@link Scene#lines()} order
     * @throws SceneTooLongException when the result is longer than the scene allows
     */
    public Timeline plan(Scene scene, List<Utterance> utterances) {
        List<Line> lines = scene.lines();
        if (utterances.size() != lines.size()) {
            throw new IllegalArgumentException(lines.size() + " lines but " + utterances.size() + " utterances");
        }
        List<TimelineEntry> entries = new ArrayList<>();
        double t = 0;
        int next = 0;
        for (SceneElement element : scene.elements()) {
            if (element instanceof Pause pause) {
                t += pause.duration().toNanos() / 1e9;
            } else if (element instanceof Line line) {
                TimelineEntry entry = new TimelineEntry(line, utterances.get(next++), t);
                entries.add(entry);
                t = entry.end();
            }
        }
        Duration length = Duration.ofNanos(Math.round(t * 1e9));
        if (length.compareTo(scene.maxDuration()) > 0) {
            throw new SceneTooLongException(length, scene.maxDuration());
        }
        return new Timeline(entries, t);
    }
}
