package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.EmotionArc;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.timeline.TimelineEntry;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.WordTiming;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static ai.gaga.animation.Stages.frame;
import static ai.gaga.rig.FaceControl.BROW_INNER_UP;
import static ai.gaga.rig.FaceControl.CHEEK_SQUINT;
import static ai.gaga.rig.FaceControl.EYE_SQUINT;
import static ai.gaga.rig.FaceControl.MOUTH_FROWN;
import static ai.gaga.rig.FaceControl.MOUTH_SMILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line whose emotion turns (joy, then sadness) is acted with the turn where it is heard. */
class ArcExpressionTest {
    private static final String TEXT = "I was so happy and then you left me";
    private static final double START = 1.0;
    /** When "and" is heard in the utterance: late, far from its place in the text (15 of 35 characters). */
    private static final double TURN = 3.0;

    private static Line turning() {
        int turn = TEXT.indexOf("and then");
        EmotionArc arc = new EmotionArc(List.of(new EmotionArc.Segment(0, turn, Emotion.JOY, 0.8),
                new EmotionArc.Segment(turn, TEXT.length(), Emotion.SADNESS, 0.8)));
        return Line.of("maya", TEXT).withInferredEmotion(Emotion.SADNESS, 0.8, arc);
    }

    /** 4.2 s of talk whose words put "and" at {@link #TURN}. */
    private static Utterance speech() {
        Utterance u = Stages.talk(4.2, 11);
        List<String> words = WordTiming.words(TEXT);
        List<WordTiming> timed = new ArrayList<>();
        int turnWord = words.indexOf("and");
        for (int i = 0; i < words.size(); i++) {
            double t = i < turnWord ? 0.1 + i * (TURN - 0.2) / turnWord : TURN + (i - turnWord) * 0.22;
            timed.add(new WordTiming(words.get(i), t, t + 0.15));
        }
        return u.withWords(timed);
    }

    private static ControlCurves act(Line line, Utterance u) {
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says(TEXT).build();
        Timeline timeline = new Timeline(List.of(new TimelineEntry(line, u, START)), 10.0, List.of());
        return FaceAnimator.of(scene, timeline, "maya").curves();
    }

    @Test
    void theExpressionSwitchesWhereTheTurnIsHeard() {
        Utterance u = speech();
        assertEquals(START + TURN, START + u.timeOf(TEXT, TEXT.indexOf("and then")), 1e-9);
        ControlCurves c = act(turning(), u);
        int before = frame(START + TURN - 0.9);
        int after = frame(START + TURN + 0.6);
        assertTrue(c.value(before, MOUTH_SMILE) > 0.25 && c.value(before, BROW_INNER_UP) < 0.15,
                "joy before the turn: smile " + c.value(before, MOUTH_SMILE) + ", brow "
                        + c.value(before, BROW_INNER_UP));
        assertTrue(c.value(after, BROW_INNER_UP) > 0.25 && c.value(after, MOUTH_SMILE) < 0.15,
                "sadness after it: brow " + c.value(after, BROW_INNER_UP) + ", smile " + c.value(after, MOUTH_SMILE));
        // the sad brow passes half its height around the turn (eased, led by the animator's lead), not earlier
        float[] brow = c.curve(BROW_INNER_UP);
        double half = c.value(after, BROW_INNER_UP) / 2;
        int crossing = frame(START);
        while (brow[crossing] < half) {
            crossing++;
        }
        double at = crossing / 25.0;
        assertTrue(at > START + TURN - 0.6 && at < START + TURN + 0.2, "brow rises at " + at + " s");

        // without the arc the same line is sad from its start: the turn is what moved it
        ControlCurves flat = act(Line.of("maya", TEXT).withEmotion(Emotion.SADNESS, 0.8), u);
        assertTrue(flat.value(before, BROW_INNER_UP) > 0.25, "a flat sad line is sad before the turn too");
    }

    @Test
    void joyToSadnessInsideOneLineChangesWithoutJumps() {
        ControlCurves c = act(turning(), speech());
        // the bounds of the between-lines test (ExpressionTest): the smile also follows rounded vowels
        for (FaceControl k : List.of(MOUTH_SMILE, BROW_INNER_UP, MOUTH_FROWN, CHEEK_SQUINT, EYE_SQUINT)) {
            float[] curve = c.curve(k);
            double bound = k == MOUTH_SMILE ? 0.25 : 0.08;
            for (int f = 1; f < curve.length; f++) {
                assertTrue(Math.abs(curve[f] - curve[f - 1]) < bound, k + " jumps at frame " + f);
            }
        }
    }

    @Test
    void withoutWordTimingsTheTurnFallsAtItsShareOfTheText() {
        Utterance u = Stages.talk(4.2, 11);
        double turn = START + u.durationSeconds() * TEXT.indexOf("and then") / TEXT.length();
        List<ArcTimes.Piece> pieces = ArcTimes.of(new TimelineEntry(turning(), u, START));
        assertEquals(2, pieces.size());
        assertEquals(Emotion.SADNESS, pieces.get(1).emotion());
        assertEquals(turn, pieces.get(1).start(), 1e-9);
        assertEquals(START, pieces.get(0).start(), 1e-9);
    }

    @Test
    void aListenerMirrorsEachSideOfTheSpeakersTurn() {
        Line leo = turning().withActor("LEO");
        Scene scene = Stages.twoActors().actor("LEO").says(TEXT).build();
        Timeline timeline = new Timeline(List.of(new TimelineEntry(leo, speech(), START)), 10.0, List.of());
        ControlCurves maya = FaceAnimator.of(scene, timeline, "MAYA").curves();
        int joyful = frame(START + TURN - 0.4);
        int sad = frame(START + TURN + ExpressionTrack.REACTION_DELAY + 0.8);
        assertTrue(maya.value(joyful, MOUTH_SMILE) > 0.1 && maya.value(joyful, BROW_INNER_UP) < 0.08,
                "a mirrored smile while he is happy: smile " + maya.value(joyful, MOUTH_SMILE) + ", brow "
                        + maya.value(joyful, BROW_INNER_UP));
        assertTrue(maya.value(sad, BROW_INNER_UP) > 0.1 && maya.value(sad, MOUTH_SMILE) < 0.1,
                "concern once he turns sad: brow " + maya.value(sad, BROW_INNER_UP) + ", smile "
                        + maya.value(sad, MOUTH_SMILE));
    }
}
