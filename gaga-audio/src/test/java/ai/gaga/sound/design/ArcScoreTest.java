package ai.gaga.sound.design;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.sound.music.Mood;
import ai.gaga.sound.music.MoodSegment;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.WordTiming;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The score turns where a line's emotion arc turns, when the turn is strong enough. */
class ArcScoreTest {
    private static final String TEXT = "I was so happy and then you left me";

    private static Line turning(double sadness) {
        int turn = TEXT.indexOf("and then");
        return Line.of("maya", TEXT).withInferredEmotion(Emotion.JOY, 0.8, new EmotionArc(List.of(
                new EmotionArc.Segment(0, turn, Emotion.JOY, 0.8),
                new EmotionArc.Segment(turn, TEXT.length(), Emotion.SADNESS, sadness))));
    }

    /** 4 s of speech whose words put "and" at 2.5 s. */
    private static Utterance speech() {
        List<WordTiming> words = new ArrayList<>();
        List<String> text = WordTiming.words(TEXT);
        for (int i = 0; i < text.size(); i++) {
            double t = i < 4 ? 0.2 + 0.5 * i : 2.5 + 0.3 * (i - 4);
            words.add(new WordTiming(text.get(i), t, t + 0.2));
        }
        return new Utterance(PcmAudio.silence(4.0, PcmAudio.STANDARD_RATE, 1),
                List.of(new PhoneTiming("a", 0, 4.0)), "test").withWords(words);
    }

    @Test
    void aStrongTurnInsideALineTurnsTheScoreWhenItIsHeard() {
        Timeline timeline = new Timeline(List.of(new TimelineEntry(turning(0.7), speech(), 1.5)), 8.0, List.of());
        List<MoodSegment> moods = SceneSoundDesigner.lineMoods(timeline, 0.5, 8.0);
        assertEquals(List.of(new MoodSegment(1.0, Mood.JOYFUL), new MoodSegment(1.0 + 2.5, Mood.MELANCHOLIC)), moods);
    }

    @Test
    void aWeakTurnAndALineWithoutArcKeepTheOldBehaviour() {
        Timeline weak = new Timeline(List.of(new TimelineEntry(turning(0.2), speech(), 1.5)), 8.0, List.of());
        assertEquals(List.of(new MoodSegment(1.0, Mood.JOYFUL)), SceneSoundDesigner.lineMoods(weak, 0.5, 8.0));
        Line flat = Line.of("maya", TEXT).withEmotion(Emotion.SADNESS, 0.6);
        Timeline plain = new Timeline(List.of(new TimelineEntry(flat, speech(), 1.5)), 8.0, List.of());
        assertEquals(List.of(new MoodSegment(1.0, Mood.MELANCHOLIC)), SceneSoundDesigner.lineMoods(plain, 0.5, 8.0));
        assertEquals(List.of(), SceneSoundDesigner.lineMoods(plain, 2.0, 8.0), "a line before the run is not in it");
    }
}
