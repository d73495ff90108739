package ai.gaga.timeline;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One shot of the cut: a span of frames between two hard cuts, what it shows and how the camera moves and the light
 * looks in it. Shots of a timeline follow each other without gaps: the first starts at frame 0, each next one at the
 * previous one's {@link #endFrame()}.
 *
 * @param start      seconds from the clip start of its first frame ({@code startFrame / fps})
 * @param end        seconds of its end ({@code endFrame / fps}, or the clip end for the last shot)
 * @param startFrame first frame (0-based) at the scene's frame rate
 * @param endFrame   frame after its last one (exclusive)
 * @param layout     how the actors are placed
 * @param subjects   names of the actors shown: one for {@link Layout#SINGLE}, two (left, right) otherwise
 * @param size       how close the camera is
 * @param move       what the camera does during the shot
 * @param strength   how much it moves, 0..1 (0 is still; 1 is the strongest push-in, pan or shake the compositor
 *                   draws)
 * @param grade      the light of the shot; a change of tint or weather from the previous shot fades in over
 *                   {@link #GRADE_FADE_SECONDS}, a change of time of day (a new scene) comes with the cut
 * @param sourceScale how much the shot enlarges its photos on screen at its closest (camera move included): frame
 *                   pixels per photo pixel, so a face's width on screen over its width in the photo; the largest
 *                   of the faces shown. Predicted by the planner from the cast's photo and face sizes
 *                   ({@link ShotScale}), at most {@link ShotScale#MAX_UPSCALE}; NaN when the planner did not know
 *                   the photos
 */
public record Shot(double start, double end, int startFrame, int endFrame, Layout layout, List<String> subjects,
                   Size size, Move move, double strength, Grade grade, double sourceScale) {
    /** How long a change of grade takes after a cut: long enough to read as light changing, not a flash. */
    public static final double GRADE_FADE_SECONDS = 1.0;

    /** Placement of the actors. */
    public enum Layout {
        /** One actor fills the frame. */
        SINGLE,
        /** Two actors cut out with their person mask, side by side over a shared background. */
        TWO_SHOT,
        /** Split screen: each actor in one half. */
        SPLIT
    }

    /** Shot sizes. */
    public enum Size {
        /** The face fills about half the frame height. */
        CLOSE_UP,
        /** Head and shoulders (a medium close-up). */
        MEDIUM,
        /** As much of the photo as fits. */
        WIDE
    }

    /** Camera moves within a shot. */
    public enum Move {
        STATIC, PUSH_IN, PULL_OUT, PAN_LEFT, PAN_RIGHT, HANDHELD
    }

    public Shot {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(move, "move");
        Objects.requireNonNull(grade, "grade");
        subjects = List.copyOf(subjects);
        if (startFrame < 0 || endFrame <= startFrame) {
            throw new IllegalArgumentException("A shot needs at least one frame, got " + startFrame + ".." + endFrame);
        }
        if (!(start >= 0 && end > start)) {
            throw new IllegalArgumentException("Bad shot times " + start + ".." + end);
        }
        int wanted = layout == Layout.SINGLE ? 1 : 2;
        if (subjects.size() != wanted) {
            throw new IllegalArgumentException(layout + " shows " + wanted + " actor(s), got " + subjects);
        }
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("Camera move strength must be within 0..1, got " + strength);
        }
        if (!(Double.isNaN(sourceScale) || sourceScale > 0 && Double.isFinite(sourceScale))) {
            throw new IllegalArgumentException("Bad source scale " + sourceScale);
        }
    }

    /** A shot planned without knowing the photos (its {@link #sourceScale()} is NaN). */
    public Shot(double start, double end, int startFrame, int endFrame, Layout layout, List<String> subjects,
                Size size, Move move, double strength, Grade grade) {
        this(start, end, startFrame, endFrame, layout, subjects, size, move, strength, grade, Double.NaN);
    }

    /** Whether the planner knew the photos and predicted {@link #sourceScale()}. */
    public boolean hasSourceScale() {
        return !Double.isNaN(sourceScale);
    }

    /**
     * Whether the light of this shot fades in from the previous shot's rather than changing with the cut: it does
     * when only the emotional tint or the strength changed, or rain began or stopped; a different time of day is a
     * new scene and switches at the cut.
     */
    public boolean fadesFrom(Shot previous) {
        Grade.Look a = previous.grade().look();
        Grade.Look b = grade.look();
        boolean nightRain = (a == Grade.Look.NIGHT && b == Grade.Look.NIGHT_RAIN)
                || (a == Grade.Look.NIGHT_RAIN && b == Grade.Look.NIGHT);
        return !previous.grade().equals(grade) && (a == b || a == Grade.Look.RAIN || b == Grade.Look.RAIN
                || nightRain);
    }

    /** Number of frames. */
    public int frameCount() {
        return endFrame - startFrame;
    }

    /** Whether frame {@code index} belongs to this shot. */
    public boolean contains(int index) {
        return index >= startFrame && index < endFrame;
    }

    /** The one actor of a single shot, or the left one. */
    public String subject() {
        return subjects.get(0);
    }

    /** Progress through the shot at frame {@code index}, 0 at the first frame and 1 at the last. */
    public double progress(int index) {
        return frameCount() <= 1 ? 0 : Math.max(0, Math.min(1, (index - startFrame) / (double) (frameCount() - 1)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Shot[%d..%d %s %s %s %s %.2f %s %.2f %+.2f%s]", startFrame, endFrame, layout,
                subjects, size, move, strength, grade.look(), grade.intensity(), grade.warmth(),
                hasSourceScale() ? String.format(Locale.ROOT, " x%.2f", sourceScale) : "");
    }
}
