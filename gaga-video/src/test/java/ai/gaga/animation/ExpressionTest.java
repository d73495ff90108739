package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.viseme.OculusViseme;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static ai.gaga.animation.Stages.frame;
import static ai.gaga.rig.FaceControl.BROW_DOWN;
import static ai.gaga.rig.FaceControl.BROW_INNER_UP;
import static ai.gaga.rig.FaceControl.BROW_OUTER_UP;
import static ai.gaga.rig.FaceControl.CHEEK_SQUINT;
import static ai.gaga.rig.FaceControl.EYE_SQUINT;
import static ai.gaga.rig.FaceControl.EYE_WIDE;
import static ai.gaga.rig.FaceControl.GAZE_Y;
import static ai.gaga.rig.FaceControl.HEAD_ROLL;
import static ai.gaga.rig.FaceControl.MOUTH_FROWN;
import static ai.gaga.rig.FaceControl.MOUTH_SMILE;
import static ai.gaga.rig.FaceControl.MOUTH_STRETCH;
import static ai.gaga.rig.FaceControl.MOUTH_UPPER_UP;
import static ai.gaga.rig.FaceControl.NOSE_SNEER;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpressionTest {
    /** The controls each emotion must raise (degrees for HEAD_ROLL, gaze units for GAZE_Y, which must fall). */
    private static final Map<Emotion, List<FaceControl>> SIGNATURES = Map.of(
            Emotion.JOY, List.of(MOUTH_SMILE, CHEEK_SQUINT, EYE_SQUINT),
            Emotion.SADNESS, List.of(BROW_INNER_UP, MOUTH_FROWN),
            Emotion.ANGER, List.of(BROW_DOWN, EYE_SQUINT, NOSE_SNEER),
            Emotion.FEAR, List.of(BROW_INNER_UP, EYE_WIDE, MOUTH_STRETCH),
            Emotion.SURPRISE, List.of(BROW_INNER_UP, BROW_OUTER_UP, EYE_WIDE),
            Emotion.DISGUST, List.of(NOSE_SNEER, MOUTH_UPPER_UP, BROW_DOWN),
            Emotion.TENDERNESS, List.of(MOUTH_SMILE, HEAD_ROLL));

    private static ControlCurves oneLine(Emotion emotion, double intensity, Utterance u) {
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Well.").emotion(emotion, intensity).build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {1.0}, 1.0 + u.durationSeconds() + 6);
        return FaceAnimator.of(scene, timeline, "maya").curves();
    }

    @Test
    void eachEmotionRaisesItsSignatureControlsOverNeutral() {
        Utterance u = Stages.talk(3, 5);
        ControlCurves neutral = oneLine(Emotion.NEUTRAL, 0, u);
        int from = frame(1.8);
        int to = frame(3.5);
        for (var entry : SIGNATURES.entrySet()) {
            ControlCurves acted = oneLine(entry.getKey(), 0.8, u);
            for (FaceControl c : entry.getValue()) {
                double rise = Stages.mean(acted.curve(c), from, to) - Stages.mean(neutral.curve(c), from, to);
                double needed = c == HEAD_ROLL ? 2.0 : 0.12;
                assertTrue(rise > needed, entry.getKey() + " raises " + c + " by " + rise);
            }
        }
        double jaw = Stages.mean(oneLine(Emotion.SURPRISE, 0.8, u).curve(FaceControl.JAW_OPEN), from, to)
                - Stages.mean(neutral.curve(FaceControl.JAW_OPEN), from, to);
        assertTrue(jaw > 0.08, "surprise drops the jaw: " + jaw);
        double down = Stages.mean(oneLine(Emotion.SADNESS, 0.8, u).curve(GAZE_Y), from, to)
                - Stages.mean(neutral.curve(GAZE_Y), from, to);
        assertTrue(down < -0.15, "sadness looks down: " + down);
    }

    @Test
    void intensityScalesTheExpression() {
        Utterance u = Stages.talk(3, 5);
        double weak = Stages.mean(oneLine(Emotion.JOY, 0.3, u).curve(MOUTH_SMILE), frame(1.8), frame(3.5));
        double strong = Stages.mean(oneLine(Emotion.JOY, 0.9, u).curve(MOUTH_SMILE), frame(1.8), frame(3.5));
        assertTrue(strong > 2 * weak && weak > 0.05, "smile " + weak + " at 0.3 vs " + strong + " at 0.9");
    }

    @Test
    void joyToSadnessChangesContinuouslyStartingBeforeTheLine() {
        Utterance a = Stages.talk(2.5, 1);
        Utterance b = Stages.talk(2.5, 2);
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Yes!").emotion(Emotion.JOY, 0.9)
                .says("But no.").emotion(Emotion.SADNESS, 0.9).build();
        double second = 1.0 + a.durationSeconds() + 0.3;
        Timeline timeline = Stages.timeline(scene, List.of(a, b), new double[] {1.0, second},
                second + b.durationSeconds() + 2);
        ControlCurves c = FaceAnimator.of(scene, timeline, "maya").curves();
        int mid1 = frame(1.0 + a.durationSeconds() / 2);
        int mid2 = frame(second + b.durationSeconds() / 2);
        assertTrue(c.value(mid1, MOUTH_SMILE) > 0.4 && c.value(mid1, BROW_INNER_UP) < 0.1, "joyful first line");
        assertTrue(c.value(mid2, BROW_INNER_UP) > 0.4 && c.value(mid2, MOUTH_SMILE) < 0.1, "sad second line");
        // The smile also gives way to rounded vowels as fast as the lips move, so it gets the looser bound.
        for (FaceControl k : List.of(MOUTH_SMILE, BROW_INNER_UP, MOUTH_FROWN, CHEEK_SQUINT, EYE_SQUINT)) {
            float[] curve = c.curve(k);
            double bound = k == MOUTH_SMILE ? 0.25 : 0.08;
            for (int f = 1; f < curve.length; f++) {
                assertTrue(Math.abs(curve[f] - curve[f - 1]) < bound, k + " jumps at frame " + f);
            }
        }
        assertTrue(c.value(frame(second - 0.1), BROW_INNER_UP) > 0.1, "sadness begins before its line");
    }

    @Test
    void sameEmotionHoldsThroughAPauseAndRelaxesAfterTheLastLine() {
        Utterance a = Stages.talk(2, 3);
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Ha.").emotion(Emotion.JOY, 0.8)
                .says("Ha ha.").emotion(Emotion.JOY, 0.8).build();
        double second = 1.0 + a.durationSeconds() + 2.5;
        double end = second + a.durationSeconds();
        Timeline timeline = Stages.timeline(scene, List.of(a, a), new double[] {1.0, second}, end + 6);
        ControlCurves c = FaceAnimator.of(scene, timeline, "maya").curves();
        float[] smile = c.curve(MOUTH_SMILE);
        double peak = smile[frame(second - 1.2)];
        assertTrue(peak > 0.45, "smile held in the pause between joyful lines: " + peak);
        assertTrue(smile[frame(end + 5)] < 0.1 * smile[frame(end - 0.5)], "relaxed after the last line");
        assertTrue(smile[frame(end + 1)] > smile[frame(end + 3)], "relaxes gradually");
    }

    @Test
    void smilesCueBringsASmileInSilence() {
        Utterance u = Stages.talk(1.5, 8);
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Hm.").action("MAYA smiles").build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.5}, 10,
                new ai.gaga.scene.ActionCue("MAYA smiles"), 3.0);
        ControlCurves c = FaceAnimator.of(scene, timeline, "maya").curves();
        assertTrue(c.value(frame(2.5), MOUTH_SMILE) < 0.05, "no smile before the cue");
        assertTrue(c.value(frame(4.5), MOUTH_SMILE) > 0.4, "smiles: " + c.value(frame(4.5), MOUTH_SMILE));
        assertTrue(c.value(frame(9.9), MOUTH_SMILE) < 0.1, "and lets it go");
    }

    @Test
    void laughAndSighAtTheEndOfALineShowInFaceAndBreath() {
        Utterance u = Stages.talk(2, 12);
        double end = 0.5 + u.durationSeconds();
        ControlCurves plain = beat(u, null);
        ControlCurves laugh = beat(u, true);
        ControlCurves sigh = beat(u, false);
        int during = frame(end + 0.6);
        assertTrue(laugh.value(during, MOUTH_SMILE) > 0.5 && plain.value(during, MOUTH_SMILE) < 0.05,
                "laughing smile " + laugh.value(during, MOUTH_SMILE));
        assertTrue(laugh.value(during, FaceControl.HEAD_PITCH) > plain.value(during, FaceControl.HEAD_PITCH) + 1.5,
                "chin up while laughing");
        assertTrue(sigh.value(frame(end + 0.6), FaceControl.BREATH) > 0.95, "deep breath in");
        assertTrue(sigh.value(frame(end + 1.8), FaceControl.BREATH) < 0.4, "and out");
        assertTrue(sigh.value(frame(end + 1.4), FaceControl.HEAD_PITCH)
                < plain.value(frame(end + 1.4), FaceControl.HEAD_PITCH) - 1, "head sinks with the sigh");
    }

    private static ControlCurves beat(Utterance u, Boolean laughs) {
        Scene.Builder b = Scene.builder().actor("maya", Stages.PHOTO).says("Oh well.");
        if (laughs != null) {
            b = laughs ? b.laughs() : b.sighs();
        }
        Scene scene = b.build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.5}, 0.5 + u.durationSeconds() + 4);
        return FaceAnimator.of(scene, timeline, "maya").curves();
    }

    @Test
    void roundedVowelsReduceTheSmile() {
        Utterance open = Speech.builder().silence(0.2).say(OculusViseme.E, 1.5, 0.5).silence(0.2).build();
        Utterance round = Speech.builder().silence(0.2).say(OculusViseme.U, 1.5, 0.5).silence(0.2).build();
        double spread = oneLine(Emotion.JOY, 0.9, open).value(frame(2.0), MOUTH_SMILE);
        double rounded = oneLine(Emotion.JOY, 0.9, round).value(frame(2.0), MOUTH_SMILE);
        assertTrue(rounded < 0.7 * spread && rounded > 0.1, "smile on u " + rounded + " vs on e " + spread);
    }
}
