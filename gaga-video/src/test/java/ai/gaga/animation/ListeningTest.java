package ai.gaga.animation;

import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.gaga.animation.Stages.frame;
import static ai.gaga.rig.FaceControl.BROW_INNER_UP;
import static ai.gaga.rig.FaceControl.BREATH;
import static ai.gaga.rig.FaceControl.EYE_BLINK_LEFT;
import static ai.gaga.rig.FaceControl.HEAD_PITCH;
import static ai.gaga.rig.FaceControl.JAW_OPEN;
import static ai.gaga.rig.FaceControl.MOUTH_SMILE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LEO speaks a long line at 2 s; MAYA, who says one word at the very end, listens. */
class ListeningTest {
    private static final double SPEECH = 2.0;

    private record Take(ControlCurves maya, ControlCurves alone, double end) {
    }

    /** MAYA's performance with LEO's line in the timeline, and without it (same seed, same length). */
    private static Take take(Emotion leoEmotion) {
        Utterance leo = Stages.talk(9, 31);
        Utterance maya = Stages.talk(1, 32);
        Scene scene = Stages.twoActors().actor("LEO").says("Long story.").emotion(leoEmotion, 0.9)
                .actor("MAYA").says("Oh.").build();
        double end = SPEECH + leo.durationSeconds();
        double mayaStart = end + 6;
        double duration = mayaStart + maya.durationSeconds() + 1;
        Timeline both = Stages.timeline(scene, List.of(leo, maya), new double[] {SPEECH, mayaStart}, duration);
        Timeline alone = new Timeline(List.of(both.entries().get(1)), duration, List.of());
        return new Take(FaceAnimator.of(scene, both, "maya").curves(), FaceAnimator.of(scene, alone, "maya").curves(),
                end);
    }

    @Test
    void listenerNodsOnlyWhileTheOtherSpeaks() {
        Take t = take(Emotion.NEUTRAL);
        float[] with = t.maya.curve(HEAD_PITCH);
        float[] without = t.alone.curve(HEAD_PITCH);
        double inside = 0;
        for (int f = 0; f < with.length; f++) {
            double d = Math.abs(with[f] - without[f]);
            double time = f / 25.0;
            if (time < SPEECH || time > t.end + 0.3) {
                assertTrue(d < 1e-4, "no nod at " + time + " s, outside LEO's line: " + d);
            } else {
                inside = Math.max(inside, d);
            }
        }
        assertTrue(inside > 1.0, "nods while LEO speaks, deepest " + inside + " degrees");
        assertArrayEquals(t.alone.curve(JAW_OPEN), t.maya.curve(JAW_OPEN), "the listener's mouth stays still");
        assertArrayEquals(t.alone.curve(EYE_BLINK_LEFT), t.maya.curve(EYE_BLINK_LEFT), "keeps blinking");
        assertArrayEquals(t.alone.curve(BREATH), t.maya.curve(BREATH), "keeps breathing");
    }

    @Test
    void listenerMirrorsJoyAfterADelayAndSoftlyAndSadnessAsConcern() {
        Take joy = take(Emotion.JOY);
        float[] smile = joy.maya.curve(MOUTH_SMILE);
        assertTrue(smile[frame(SPEECH - 0.5)] < 0.02, "no smile before LEO speaks");
        assertTrue(smile[frame(SPEECH + 0.3)] < smile[frame(SPEECH + 2)], "the smile comes after a delay");
        double mid = smile[frame(SPEECH + 4)];
        assertTrue(mid > 0.12 && mid < 0.5, "a softer mirrored smile: " + mid);
        assertTrue(smile[frame(joy.end + 5)] < 0.05, "gone after LEO's line");

        Take sad = take(Emotion.SADNESS);
        double concern = sad.maya.value(frame(SPEECH + 4), BROW_INNER_UP)
                - sad.alone.value(frame(SPEECH + 4), BROW_INNER_UP);
        assertTrue(concern > 0.1, "concerned brow while LEO is sad: " + concern);
    }

    @Test
    void speakerOwnLineIsNotAffectedByTheListenerRole() {
        Take t = take(Emotion.JOY);
        int from = frame(t.end + 6.1);
        int to = frame(t.end + 6.8);
        for (int f = from; f < to; f++) {
            assertTrue(Math.abs(t.maya.value(f, JAW_OPEN) - t.alone.value(f, JAW_OPEN)) < 1e-6,
                    "MAYA's own lip sync is her own");
        }
    }
}
