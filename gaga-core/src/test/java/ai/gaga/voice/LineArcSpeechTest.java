package ai.gaga.voice;

import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Beat;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.scene.Voice;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Emotion arcs spoken piece by piece, and the word timeline of spoken lines (tone engine: 0.1 s per character). */
class LineArcSpeechTest {
    static final String TURNING = "I was so happy and then you left me";

    static Line turning() {
        int turn = TURNING.indexOf("and then");
        EmotionArc arc = new EmotionArc(List.of(new EmotionArc.Segment(0, turn, Emotion.JOY, 0.8),
                new EmotionArc.Segment(turn, TURNING.length(), Emotion.SADNESS, 0.7)));
        return Line.of("maya", TURNING).withInferredEmotion(Emotion.SADNESS, 0.7, arc);
    }

    @Test
    void theTwoSidesOfATurnAreSpokenWithTheirOwnEmotionWithoutAPause() {
        LineSpeakerTest.ToneEngine engine = new LineSpeakerTest.ToneEngine();
        Utterance u = LineSpeaker.speak(engine, turning(), Voice.DEFAULT);

        assertEquals(List.of("I was so happy", "and then you left me"),
                engine.requests.stream().map(SpeechRequest::text).toList());
        assertEquals(List.of(Emotion.JOY, Emotion.SADNESS),
                engine.requests.stream().map(SpeechRequest::emotion).toList());
        assertEquals(0.8, engine.requests.get(0).intensity(), 1e-9);
        assertEquals(0.7, engine.requests.get(1).intensity(), 1e-9);
        // no pause at the turn: the second piece starts where the first ends, phones stay contiguous
        assertEquals(("I was so happy".length() + "and then you left me".length()) * 0.1, u.durationSeconds(), 1e-6);
        assertFalse(u.phones().stream().anyMatch(PhoneTiming::isSilence), u.phones().toString());
        assertEquals(u.phones().get(0).end(), u.phones().get(1).start(), 1e-9);
        assertEquals(u.durationSeconds(), u.visemes().visemes().get(u.visemes().visemes().size() - 1).end(), 1e-6);
        // the turn's text offset maps to the time the second piece is heard
        assertEquals(1.4, u.timeOf(TURNING, TURNING.indexOf("and then")), 1e-6);
    }

    @Test
    void anArcThatKeepsItsEmotionIsNotCut() {
        String text = "Fine, fine, all fine";
        EmotionArc arc = new EmotionArc(List.of(new EmotionArc.Segment(0, 5, Emotion.ANGER, 0.4),
                new EmotionArc.Segment(5, text.length(), Emotion.ANGER, 0.9)));
        LineSpeakerTest.ToneEngine engine = new LineSpeakerTest.ToneEngine();
        LineSpeaker.speak(engine, Line.of("maya", text).withInferredEmotion(Emotion.ANGER, 0.6, arc), Voice.DEFAULT);
        assertEquals(List.of(text), engine.requests.stream().map(SpeechRequest::text).toList());
        assertEquals(0.6, engine.requests.get(0).intensity(), 1e-9);
    }

    @Test
    void wordsCoverTheLineInOrderAcrossPausesAndTurns() {
        Line line = new Line("maya", "Go now. Bye, my friend.", Emotion.NEUTRAL, 0, ai.gaga.scene.Delivery.NORMAL,
                ai.gaga.scene.LineStart.SEQUENTIAL, List.of(Beat.pause(8, Duration.ofMillis(700))), "");
        Utterance u = LineSpeaker.speak(new LineSpeakerTest.ToneEngine(), line, Voice.DEFAULT);
        assertEquals(List.of("Go", "now.", "Bye,", "my", "friend."), u.words().stream().map(WordTiming::word).toList());
        double last = 0;
        for (WordTiming w : u.words()) {
            assertTrue(w.start() >= last - 1e-9 && w.end() > w.start() && w.end() <= u.durationSeconds() + 1e-9,
                    u.words().toString());
            last = w.end();
        }
        assertEquals(0, u.words().get(0).start(), 1e-9);
        // "Bye," is the first word after the 0.7 s pause: it starts when the second piece does
        assertEquals(0.7 + 0.7, u.words().get(2).start(), 1e-6);
        assertEquals(u.durationSeconds(), u.words().get(4).end(), 1e-6);
        assertEquals(1.4, u.timeOf(line.text(), line.text().indexOf("Bye")), 1e-6);
        assertEquals(1.4, u.timeOf(line.text(), line.text().indexOf("ye,")), 1e-6, "inside a word: its start");

        Utterance turned = LineSpeaker.speak(new LineSpeakerTest.ToneEngine(), turning(), Voice.DEFAULT);
        assertEquals(WordTiming.words(TURNING), turned.words().stream().map(WordTiming::word).toList());
        assertEquals(1.4, turned.words().get(4).start(), 1e-6);
    }

    @Test
    void engineWordTimesAreKeptWhenTheyMatchTheTextAndEstimatedAroundSilencesWhenNot() {
        List<PhoneTiming> phones = List.of(new PhoneTiming("_", 0, 0.2), new PhoneTiming("a", 0.2, 0.6),
                new PhoneTiming("_", 0.6, 1.0), new PhoneTiming("b", 1.0, 1.4));
        List<WordTiming> engine = List.of(new WordTiming("x", 0.2, 0.5), new WordTiming("y", 1.1, 1.4));
        List<WordTiming> kept = WordTiming.fit("one two", engine, phones, 1.5);
        assertEquals(List.of(new WordTiming("one", 0.2, 0.5), new WordTiming("two", 1.1, 1.4)), kept);

        List<WordTiming> estimated = WordTiming.fit("ab cd", List.of(), phones, 1.5);
        // equal letters, equal share of the 0.8 s of speech: the second word starts after the silence
        assertEquals(0.2, estimated.get(0).start(), 1e-9);
        assertEquals(0.6, estimated.get(0).end(), 1e-9);
        assertEquals(1.0, estimated.get(1).start(), 1e-9);
        assertEquals(1.4, estimated.get(1).end(), 1e-9);

        // an engine that reads "cannot" as two words: joined, its times kept
        List<WordTiming> split = WordTiming.fit("I cannot", List.of(new WordTiming("I", 0.2, 0.3),
                new WordTiming("can", 0.3, 0.5), new WordTiming("not", 1.0, 1.3)), phones, 1.5);
        assertEquals(List.of(new WordTiming("I", 0.2, 0.3), new WordTiming("cannot", 0.3, 1.3)), split);

        List<WordTiming> dash = WordTiming.fit("ab - cd", List.of(), phones, 1.5);
        assertEquals(3, dash.size());
        assertEquals(0.6, dash.get(1).start(), 1e-9, "a lone dash sits where the word before it ends");
        assertEquals(0, dash.get(1).duration(), 1e-9);
    }

    @Test
    void withoutMatchingWordsTimeOfFallsBackToTheTextFraction() {
        float[] x = new float[PcmAudio.STANDARD_RATE * 2];
        Utterance u = new Utterance(new PcmAudio(x, PcmAudio.STANDARD_RATE, 1), List.of(), "tone");
        assertTrue(u.words().isEmpty());
        assertEquals(1.0, u.timeOf("abcd efgh", 4), 1e-3 + 2.0 / 9);
        assertEquals(2.0 * 5 / 9, u.timeOf("abcd efgh", 5), 1e-9);
        assertEquals(2.0, u.timeOf("abcd efgh", 9), 1e-9);
    }

    @Test
    void runsOfSpeechBetweenSilencesAreWords() {
        List<WordTiming> words = WordTiming.runs(List.of(new PhoneTiming("_", 0, 0.1), new PhoneTiming("h", 0.1, 0.2),
                new PhoneTiming("i", 0.2, 0.4), new PhoneTiming("_", 0.4, 0.4), new PhoneTiming("j", 0.4, 0.5),
                new PhoneTiming("o", 0.5, 0.7), new PhoneTiming("_", 0.7, 0.9)));
        assertEquals(List.of(new WordTiming("hi", 0.1, 0.4), new WordTiming("jo", 0.4, 0.7)), words);
    }

    /** Pads every piece with 0.3 s of silence on both sides, as real engines do (MaryTTS: sentence pauses). */
    static final class PaddedEngine implements SpeechEngine {
        @Override
        public String id() {
            return "padded";
        }

        @Override
        public Utterance synthesize(SpeechRequest request) {
            int rate = PcmAudio.STANDARD_RATE;
            double speech = request.text().length() * 0.05;
            float[] x = new float[(int) Math.round((speech + 0.6) * rate)];
            java.util.Arrays.fill(x, (int) (0.3 * rate), (int) ((0.3 + speech) * rate), 0.5f);
            double end = x.length / (double) rate;
            return new Utterance(new PcmAudio(x, rate, 1), List.of(new PhoneTiming("_", 0, 0.3),
                    new PhoneTiming("a", 0.3, 0.3 + speech), new PhoneTiming("_", 0.3 + speech, end)), id());
        }
    }

    @Test
    void theEnginesPaddingAtATurnIsCutToABreath() {
        Utterance u = LineSpeaker.speak(new PaddedEngine(), turning(), Voice.DEFAULT);
        List<PhoneTiming> speech = u.phones().stream().filter(p -> !p.isSilence()).toList();
        assertEquals(2, speech.size(), u.phones().toString());
        double gap = speech.get(1).start() - speech.get(0).end();
        assertEquals(2 * LineSpeaker.TURN_EDGE, gap, 1.0 / PcmAudio.STANDARD_RATE * 2, "gap at the turn " + gap);
        assertEquals(0.3, speech.get(0).start(), 1e-6, "the line's own start keeps its padding");
        assertEquals(u.durationSeconds() - 0.3, speech.get(1).end(), 1e-3, "and so does its end");
        // the audio follows the phones: sound where the second piece's phone starts, silence in the gap
        float[] s = u.audio().samples();
        assertEquals(0.5f, s[(int) ((speech.get(1).start() + 0.01) * PcmAudio.STANDARD_RATE)]);
        assertEquals(0f, s[(int) ((speech.get(0).end() + gap / 2) * PcmAudio.STANDARD_RATE)]);
        assertEquals(u.durationSeconds(), u.visemes().visemes().get(u.visemes().visemes().size() - 1).end(), 1e-6);
        assertEquals(speech.get(1).start(), u.timeOf(TURNING, TURNING.indexOf("and then")), 1e-3);
    }
}
