package ai.gaga.timeline;

import ai.gaga.scene.SceneElement;

import java.util.Objects;

/**
 * A pause or a cue (music, ambience, sfx, camera, action, heading, transition, tag) placed in time.
 *
 * @param element the {@link ai.gaga.scene.Pause} or {@link ai.gaga.scene.Cue}
 * @param start   seconds from the clip start where it begins
 */
public record TimedCue(SceneElement element, double start) {
    public TimedCue {
        Objects.requireNonNull(element, "element");
        if (element instanceof ai.gaga.scene.Line) {
            throw new IllegalArgumentException("Lines are placed as TimelineEntry, not TimedCue");
        }
        if (start < 0) {
            throw new IllegalArgumentException("Cue starts before the clip: " + start);
        }
    }

    /** The frame it starts in at this rate. */
    public int startFrame(int fps) {
        return Timeline.frameAt(start, fps);
    }
}
