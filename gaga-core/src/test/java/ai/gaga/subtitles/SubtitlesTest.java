package ai.gaga.subtitles;

import ai.gaga.scene.Line;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SubtitlesTest {

    private static final Timeline TIMELINE = new Timeline(List.of(
            new TimelineEntry(Line.of("maya", "I have to go."), silent(1.25), 0.5),
            new TimelineEntry(Line.of("leo", "Wait! You cannot just leave like that, not tonight, not in this "
                    + "rain, not after everything we said to each other."), silent(6.0), 2.0)), 8.0);

    @Test
    void srtHasNumberedCuesWithCommaMillisecondsAndTwoRowsAtMost() {
        assertEquals(List.of(
                "1", "00:00:00,500 --> 00:00:01,750", "I have to go.", "",
                "2", "00:00:02,000 --> 00:00:06,216", "Wait! You cannot just leave like that, not",
                "tonight, not in this rain, not after", "", // 6 s * 78/111 characters
                "3", "00:00:06,216 --> 00:00:08,000", "everything we said to each other.", ""),
                Subtitles.toSrt(TIMELINE).lines().toList());
    }

    @Test
    void webVttHasHeaderDotMillisecondsAndVoices() {
        List<String> vtt = Subtitles.toWebVtt(TIMELINE).lines().toList();
        assertEquals(List.of("WEBVTT", "", "00:00:00.500 --> 00:00:01.750", "<v maya>I have to go.", ""),
                vtt.subList(0, 5));
        assertEquals("00:00:02.000 --> 00:00:06.216", vtt.get(5));
        assertEquals("<v leo>Wait! You cannot just leave like that, not", vtt.get(6));
    }

    @Test
    void rowsNeverExceedTheLimit() {
        Subtitles.cues(TIMELINE).forEach(c -> c.rows().forEach(r -> assertEquals(true,
                r.length() <= Subtitles.MAX_ROW, r)));
    }
}
