package ai.gaga.timeline;

import ai.gaga.scene.Line;
import ai.gaga.voice.Utterance;

import java.util.Objects;

/**
 * One line placed in time.
 *
 * @param line      the scripted line
 * @param utterance its speech
 * @param start     seconds from the clip start when the speech begins
 */
public record TimelineEntry(Line line, Utterance utterance, double start) {
    public TimelineEntry {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(utterance, "utterance");
        if (start < 0) {
            throw new IllegalArgumentException("Line starts before the clip: " + start);
        }
    }

    public double end() {
        return start + utterance.durationSeconds();
    }

    /** Whether the line is being spoken at time t. */
    public boolean covers(double t) {
        return t >= start && t < end();
    }
}
