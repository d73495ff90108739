package ai.gaga.subtitles;

import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import ai.gaga.voice.WordTiming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Subtitles from a timeline: one cue per line, split into rows of at most {@link #MAX_ROW} characters and cues of at
 * most two rows. A line that needs several cues shows each from the moment its first word is heard (the utterance's
 * {@link ai.gaga.voice.Utterance#words() word timings}); without word timings that match the text, the line's time is
 * shared between its cues in proportion to their characters.
 */
public final class Subtitles {
    /** Broadcast convention: about 42 characters per row, two rows per cue. */
    public static final int MAX_ROW = 42;
    /** Shortest time a cue of a split line stays up, seconds (a word heard right after the previous cue's). */
    static final double MIN_CUE = 0.3;

    private Subtitles() {
    }

    /** The cues of a timeline, in time order. */
    public static List<SubtitleCue> cues(Timeline timeline) {
        List<SubtitleCue> cues = new ArrayList<>();
        for (TimelineEntry e : timeline.entries()) {
            if (e.line().text().isBlank()) {
                continue; // a recording without transcript
            }
            List<String> rows = wrap(e.line().text());
            List<WordTiming> words = e.utterance().words();
            boolean timed = words.size() == WordTiming.words(e.line().text()).size();
            int total = rows.stream().mapToInt(String::length).sum();
            double t = e.start();
            int done = 0;
            int word = 0; // index of the first word of the next cue
            for (int i = 0; i < rows.size(); i += 2) {
                List<String> pair = rows.subList(i, Math.min(i + 2, rows.size()));
                done += pair.stream().mapToInt(String::length).sum();
                for (String row : pair) {
                    word += WordTiming.words(row).size();
                }
                double end = i + 2 >= rows.size() ? e.end()
                        : timed ? e.start() + words.get(word).start()
                        : e.start() + (e.end() - e.start()) * done / total;
                end = Math.min(e.end(), Math.max(end, t + MIN_CUE));
                if (end <= t) {
                    break; // a degenerate timing left no room: the previous cue already runs to the line's end
                }
                cues.add(new SubtitleCue(t, end, e.line().actor(), pair));
                t = end;
            }
        }
        return cues;
    }

    /** SubRip text: numbered cues, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}, a blank line after each. */
    public static String toSrt(Timeline timeline) {
        StringBuilder sb = new StringBuilder();
        int n = 1;
        for (SubtitleCue c : cues(timeline)) {
            sb.append(n++).append('\n').append(time(c.start(), ',')).append(" --> ").append(time(c.end(), ','))
                    .append('\n');
            c.rows().forEach(r -> sb.append(r).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** WebVTT text: {@code WEBVTT} header, {@code HH:MM:SS.mmm} times, speaker voice spans when several actors speak. */
    public static String toWebVtt(Timeline timeline) {
        StringBuilder sb = new StringBuilder("WEBVTT\n\n");
        List<SubtitleCue> cues = cues(timeline);
        boolean voices = cues.stream().map(SubtitleCue::speaker).distinct().count() > 1;
        for (SubtitleCue c : cues) {
            sb.append(time(c.start(), '.')).append(" --> ").append(time(c.end(), '.')).append('\n');
            for (String r : c.rows()) {
                sb.append(voices ? "<v " + c.speaker() + ">" + r : r).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Greedy word wrap; a single word longer than a row gets a row of its own. */
    static List<String> wrap(String text) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (row.length() > 0 && row.length() + 1 + word.length() > MAX_ROW) {
                rows.add(row.toString());
                row.setLength(0);
            }
            if (row.length() > 0) {
                row.append(' ');
            }
            row.append(word);
        }
        rows.add(row.toString());
        return rows;
    }

    private static String time(double seconds, char separator) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                separator, ms % 1000);
    }
}
