package ai.gaga.timeline;

import java.util.List;
import java.util.Optional;

/**
 * Who speaks when. Entries are ordered by start time.
 *
 * @param entries         spoken lines in time order
 * @param durationSeconds length of the whole clip, including trailing pauses
 * @param cues            pauses and cues in time order
 * @param shots           the cut: shots in frame order, covering every frame without gaps; empty when not planned
 *                        (a performer then plans them itself with {@link ShotPlanner})
 */
public record Timeline(List<TimelineEntry> entries, double durationSeconds, List<TimedCue> cues, List<Shot> shots) {
    /** Tolerance for float sums of exact script times, far below one frame (40 ms at 25 fps). */
    static final double EPSILON = 1e-6;

    public Timeline {
        entries = List.copyOf(entries);
        cues = List.copyOf(cues);
        shots = List.copyOf(shots);
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("Negative duration " + durationSeconds);
        }
        for (int i = 0; i < shots.size(); i++) {
            int expected = i == 0 ? 0 : shots.get(i - 1).endFrame();
            if (shots.get(i).startFrame() != expected) {
                throw new IllegalArgumentException("Shot " + i + " starts at frame " + shots.get(i).startFrame()
                        + ", expected " + expected + ": shots must follow each other without gaps");
            }
        }
    }

    /** A timeline without planned shots. */
    public Timeline(List<TimelineEntry> entries, double durationSeconds, List<TimedCue> cues) {
        this(entries, durationSeconds, cues, List.of());
    }

    /** A timeline of lines only. */
    public Timeline(List<TimelineEntry> entries, double durationSeconds) {
        this(entries, durationSeconds, List.of(), List.of());
    }

    /** The same timeline shown in these shots. */
    public Timeline withShots(List<Shot> newShots) {
        return new Timeline(entries, durationSeconds, cues, newShots);
    }

    /**
     * The same timeline with {@code line}'s speech replaced by {@code spoken} (of the same length: a line timed first
     * and spoken later).
     *
     * @throws IllegalArgumentException when the line is not in this timeline or the lengths differ
     */
    public Timeline withUtterance(ai.gaga.scene.Line line, ai.gaga.voice.Utterance spoken) {
        List<TimelineEntry> next = new java.util.ArrayList<>(entries);
        for (int i = 0; i < next.size(); i++) {
            TimelineEntry e = next.get(i);
            if (e.line() == line) {
                if (e.utterance().audio().frames() != spoken.audio().frames()) {
                    throw new IllegalArgumentException("Line \"" + line.text() + "\" was timed at "
                            + e.utterance().audio().frames() + " samples but spoken in " + spoken.audio().frames());
                }
                next.set(i, new TimelineEntry(line, spoken, e.start()));
                return new Timeline(next, durationSeconds, cues, shots);
            }
        }
        throw new IllegalArgumentException("Line \"" + line.text() + "\" is not in this timeline");
    }

    /** The shot that shows frame {@code index}, if shots are planned and one covers it. */
    public Optional<Shot> shotAt(int index) {
        for (Shot s : shots) {
            if (s.contains(index)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The frame (0-based) that shows time t at this rate: frame i covers [i/fps, (i+1)/fps). */
    public static int frameAt(double seconds, int fps) {
        return (int) Math.floor(seconds * fps + EPSILON);
    }

    /** The line spoken at time t, if any. */
    public Optional<TimelineEntry> speakingAt(double t) {
        for (TimelineEntry e : entries) {
            if (e.covers(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Number of frames at this rate (the last partial frame counts). */
    public int frameCount(int fps) {
        return (int) Math.ceil(durationSeconds * fps - 1e-9);
    }
}
