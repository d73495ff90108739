package ai.gaga.subtitles;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Line;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.WordTiming;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cues of a long line start when their first word is heard. */
class SubtitleWordTimingTest {
    private static final String TEXT = "Wait! You cannot just leave like that, not tonight, not in this rain, "
            + "not after everything we said to each other.";
    private static final double FRAME = 1.0 / 25;

    @Test
    void aLaterCueOfALongLineStartsAtItsFirstWord() {
        // words 0.3 s apart, with a long hesitation after "everything": far from a share by characters
        List<String> words = WordTiming.words(TEXT);
        List<WordTiming> timed = new ArrayList<>();
        double t = 0.1;
        for (String w : words) {
            timed.add(new WordTiming(w, t, t + 0.25));
            t += w.equals("everything") ? 4.0 : 0.3;
        }
        double seconds = t + 0.2;
        Utterance speech = new Utterance(PcmAudio.silence(seconds, PcmAudio.STANDARD_RATE, 1),
                List.of(new PhoneTiming("a", 0, seconds)), "test").withWords(timed);
        double lineStart = 2.0;
        Timeline timeline = new Timeline(List.of(new TimelineEntry(Line.of("leo", TEXT), speech, lineStart)),
                lineStart + seconds);

        List<SubtitleCue> cues = Subtitles.cues(timeline);
        assertEquals(2, cues.size(), cues.toString());
        assertEquals(List.of("everything we said to each other."), cues.get(1).rows());
        double heard = lineStart + timed.get(words.indexOf("everything")).start();
        assertEquals(heard, cues.get(1).start(), FRAME, "the second cue waits for its first word");
        assertEquals(cues.get(0).end(), cues.get(1).start(), 1e-9);
        assertEquals(lineStart, cues.get(0).start(), 1e-9);
        assertEquals(lineStart + seconds, cues.get(1).end(), 1e-9);
        // by characters it would have come 78/111 of the way in, long after the word
        assertTrue(lineStart + seconds * 78 / 111 > heard + 1, "the test line must tell the two apart");
    }

    @Test
    void wordsThatDoNotMatchTheTextFallBackToCharacters() {
        Utterance speech = new Utterance(PcmAudio.silence(6.0, PcmAudio.STANDARD_RATE, 1),
                List.of(new PhoneTiming("a", 0, 6.0)), "test").withWords(List.of(new WordTiming("Wait!", 0, 1)));
        Timeline timeline = new Timeline(List.of(new TimelineEntry(Line.of("leo", TEXT), speech, 2.0)), 8.0);
        assertEquals(2.0 + 6.0 * 78 / 111, Subtitles.cues(timeline).get(1).start(), 1e-9);
    }
}
