package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FaceControls;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static ai.gaga.animation.Stages.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long scene that opens and closes on a silent, neutral actor must come back to the same rest: nothing the
 * animator computes (idle wander, breathing, saccades, eased expressions) may leave the last second somewhere else
 * than the first. Checked on the controls themselves, so accumulation is caught without rendering.
 */
class RestAtTheEndsTest {
    private static final double DURATION = 59;
    /**
     * Head angles are in degrees; a hundredth of one moves the face by under 0.001 inter-ocular distances (the speech
     * sway's smoothed tail still reaches 1.5 s past the last word by a few thousandths). Everything else is 0..1.
     */
    private static double tolerance(FaceControl c) {
        return switch (c) {
            case HEAD_YAW, HEAD_PITCH, HEAD_ROLL -> 0.02;
            default -> 1e-3;
        };
    }

    /** Blinks are random and come and go within 0.2 s; the rest pose is about everything else. */
    private static final List<FaceControl> BLINKS = List.of(FaceControl.EYE_BLINK_LEFT, FaceControl.EYE_BLINK_RIGHT);

    /** Silent and neutral for 1.5 s, ten lines of changing feeling with pauses, neutral, then silent for 1.5 s. */
    private static FaceAnimator longScene(long seed) {
        Emotion[] arc = {Emotion.NEUTRAL, Emotion.JOY, Emotion.SADNESS, Emotion.ANGER, Emotion.FEAR, Emotion.SURPRISE,
                Emotion.DISGUST, Emotion.ANGER, Emotion.JOY, Emotion.NEUTRAL};
        Scene.Builder b = Scene.builder().actor("maya", Stages.PHOTO).seed(seed);
        List<Utterance> talk = new ArrayList<>();
        double[] starts = new double[arc.length];
        double t = 1.5;
        double line = (DURATION - 3 - 0.8 * (arc.length - 1)) / arc.length;
        for (int i = 0; i < arc.length; i++) {
            b.says("Line " + i + ".").emotion(arc[i], arc[i] == Emotion.NEUTRAL ? 0.7 : 0.9)
                    .pause(Duration.ofMillis(800));
            talk.add(Stages.talk(line, 100 + i));
            starts[i] = t;
            t += talk.get(i).durationSeconds() + 0.8;
        }
        Scene scene = b.maxDuration(Duration.ofSeconds(60)).build();
        double end = starts[arc.length - 1] + talk.get(arc.length - 1).durationSeconds();
        assertTrue(end > 50, "a long scene: " + end);
        Timeline timeline = Stages.timeline(scene, talk, starts, end + 1.5);
        return FaceAnimator.of(scene, timeline, "maya");
    }

    @Test
    void controlsHalfASecondFromEitherEndAreTheSame() {
        for (long seed : new long[] {1, 42, 7}) {
            FaceAnimator a = longScene(seed);
            FaceControls first = new FaceControls();
            FaceControls last = new FaceControls();
            a.controlsAt(frame(0.5), first);
            a.controlsAt(a.frameCount() - 1 - frame(0.5), last);
            for (FaceControl c : FaceControl.values()) {
                if (!BLINKS.contains(c)) {
                    assertEquals(first.get(c), last.get(c), tolerance(c), "seed " + seed + ": " + c + " at 0.5 s vs "
                            + a.frameCount() / 25.0 + " - 0.5 s");
                }
            }
        }
    }

    @Test
    void firstAndLastSecondsRestAlikeWhileTheMiddleIsAlive() {
        FaceAnimator a = longScene(42);
        ControlCurves c = a.curves();
        int second = frame(1);
        int n = a.frameCount();
        double idleYaw = 0;
        for (FaceControl k : FaceControl.values()) {
            if (BLINKS.contains(k)) {
                continue;
            }
            float[] curve = c.curve(k);
            double head = Stages.mean(curve, 0, second);
            double tail = Stages.mean(curve, n - second, n);
            assertEquals(head, tail, tolerance(k), k + ": mean of the first second vs the last");
        }
        // ...and the rest is not bought by freezing the actor: in the silence between lines the head still wanders
        // and the chest still breathes.
        float[] yaw = c.curve(FaceControl.HEAD_YAW);
        float[] breath = c.curve(FaceControl.BREATH);
        double breathMin = 1;
        double breathMax = 0;
        for (int f = frame(2); f < n - frame(2); f++) {
            idleYaw = Math.max(idleYaw, Math.abs(yaw[f]));
        }
        for (int f = 0; f < second; f++) {
            breathMin = Math.min(breathMin, breath[f]);
            breathMax = Math.max(breathMax, breath[f]);
        }
        assertTrue(idleYaw > 0.3, "the head moves between the ends: " + idleYaw);
        assertTrue(breathMax - breathMin > 0.3, "breathing goes on in the first second: " + breathMin + ".."
                + breathMax);
    }
}
