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

    /** The frame the speech starts in at this rate. */
    public int startFrame(int fps) {
        return Timeline.frameAt(start, fps);
    }

    /** The frame the speech ends in at this rate (exclusive when the end falls on a frame boundary). */
    public int endFrame(int fps) {
        return Timeline.frameAt(end(), fps);
    }

    /** Whether the line is being spoken at time t. */
    public boolean covers(double t) {
        return t >= start && t < end();
    }
}
