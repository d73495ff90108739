package ai.gaga.subtitles;

import java.util.List;

/**
 * One subtitle on screen.
 *
 * @param start   seconds from the clip start
 * @param end     seconds from the clip start, after start
 * @param speaker the actor who speaks it
 * @param rows    one or two rows of at most about {@link Subtitles#MAX_ROW} characters
 */
public record SubtitleCue(double start, double end, String speaker, List<String> rows) {
    public SubtitleCue {
        rows = List.copyOf(rows);
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Bad subtitle time " + start + ".." + end);
        }
    }
}
