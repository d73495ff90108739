package ai.gaga.voice.measure;

import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.scene.Voice;
import ai.gaga.subtitles.Subtitles;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import ai.gaga.voice.LineSpeaker;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.WordTiming;
import ai.gaga.voice.espeak.EspeakEngine;
import ai.gaga.voice.marytts.MaryTtsEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Not a test (surefire does not pick up *Probe): measures, with the real MaryTTS and espeak-ng, how a turning line is
 * spoken (length, where the turn is heard, the silence left at it) and where a long line's second subtitle cue starts
 * with word timings against the old share by characters. Run:
 * {@code mvn -o -q verify -pl gaga-audio -am -DskipITs -Dtest=ArcMeasureProbe -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ArcMeasureProbe {
    @Test
    void measure() {
        String text = "I was so happy and then you left me.";
        int turn = text.indexOf("and then");
        Line arcLine = Line.of("maya", text).withInferredEmotion(Emotion.SADNESS, 0.7, new EmotionArc(List.of(
                new EmotionArc.Segment(0, turn, Emotion.JOY, 0.8),
                new EmotionArc.Segment(turn, text.length(), Emotion.SADNESS, 0.7))));
        String longText = "Wait! You cannot just leave like that, not tonight, not in this rain, not after everything"
                + " we said to each other.";
        try (SpeechEngine mary = MaryTtsEngine.start(); SpeechEngine espeak = EspeakEngine.create()) {
            for (SpeechEngine e : List.of(mary, espeak)) {
                Voice v = e == mary ? Voice.DEFAULT : Voice.of("en");
                Utterance flat = LineSpeaker.speak(e, Line.of("maya", text).withEmotion(Emotion.JOY, 0.8), v);
                long t0 = System.nanoTime();
                Utterance arc = LineSpeaker.speak(e, arcLine, v);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                double turnAt = arc.timeOf(text, turn);
                double prop = arc.durationSeconds() * turn / text.length();
                // silence around the turn
                double gap = arc.phones().stream().filter(p -> p.isSilence() && p.end() > turnAt - 0.5
                        && p.start() < turnAt + 0.1).mapToDouble(PhoneTiming::duration).sum();
                System.out.printf("MEASURE %s flat %.3f s, arc %.3f s (%d ms), turn heard %.3f s vs text share %.3f s,"
                        + " silence at turn %.3f s, words %d/%d%n", e.id(), flat.durationSeconds(),
                        arc.durationSeconds(), ms, turnAt, prop, gap, arc.words().size(),
                        WordTiming.words(text).size());
                Utterance lu = LineSpeaker.speak(e, Line.of("leo", longText), v);
                Timeline tl = new Timeline(List.of(new TimelineEntry(Line.of("leo", longText), lu, 0)),
                        lu.durationSeconds());
                var cues = Subtitles.cues(tl);
                double byChars = lu.durationSeconds() * 78 / 111;
                System.out.printf("MEASURE %s long line %.3f s, engine words %d, cue 2 at %.3f s (by characters "
                        + "%.3f s)%n", e.id(), lu.durationSeconds(),
                        e.synthesize(ai.gaga.voice.SpeechRequest.of(longText, v)).words().size(),
                        cues.get(1).start(), byChars);
            }
        }
    }
}
