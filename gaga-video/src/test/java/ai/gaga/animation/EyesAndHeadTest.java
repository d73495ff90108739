package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FaceControls;
import ai.gaga.scene.ActionCue;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static ai.gaga.animation.Stages.frame;
import static ai.gaga.rig.FaceControl.BREATH;
import static ai.gaga.rig.FaceControl.EYE_BLINK_LEFT;
import static ai.gaga.rig.FaceControl.EYE_BLINK_RIGHT;
import static ai.gaga.rig.FaceControl.GAZE_X;
import static ai.gaga.rig.FaceControl.GAZE_Y;
import static ai.gaga.rig.FaceControl.HEAD_PITCH;
import static ai.gaga.rig.FaceControl.HEAD_YAW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EyesAndHeadTest {
    /** One short line, then silence: a minute of an actor at rest. */
    private static ControlCurves restingMinute(long seed, Emotion emotion) {
        Utterance u = Stages.talk(1.5, 9);
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Hm.").emotion(emotion, 0.9)
                .pause(Duration.ofSeconds(58)).seed(seed).build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.2}, 60);
        return FaceAnimator.of(scene, timeline, "maya").curves();
    }

    /** Closed instants: frames where the lid closure rises through 0.9. */
    static List<Integer> blinks(ControlCurves c) {
        float[] lid = c.curve(EYE_BLINK_LEFT);
        List<Integer> out = new ArrayList<>();
        for (int f = 1; f < lid.length; f++) {
            if (lid[f] >= 0.9 && lid[f - 1] < 0.9) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameControlsAndAnotherSeedOtherBlinks() {
        ControlCurves a = restingMinute(42, Emotion.NEUTRAL);
        ControlCurves b = restingMinute(42, Emotion.NEUTRAL);
        ControlCurves other = restingMinute(43, Emotion.NEUTRAL);
        assertEquals(a.toCsv(), b.toCsv());
        assertNotEquals(blinks(a), blinks(other));
        assertTrue(!a.toCsv().equals(other.toCsv()));
    }

    @Test
    void blinkRateAtRestIsHumanAndFearBlinksMore() {
        int rest = 0;
        int afraid = 0;
        int doubles = 0;
        for (long seed = 1; seed <= 6; seed++) {
            List<Integer> closed = blinks(restingMinute(seed, Emotion.NEUTRAL));
            int n = closed.size();
            for (int i = 1; i < n; i++) {
                doubles += closed.get(i) - closed.get(i - 1) <= 9 ? 1 : 0; // two blinks within 360 ms
            }
            assertTrue(n >= 9 && n <= 28, "blinks in a minute at rest, seed " + seed + ": " + n);
            rest += n;
            afraid += blinks(restingMinute(seed, Emotion.FEAR)).size();
        }
        assertTrue(rest / 6.0 >= 13 && rest / 6.0 <= 22, "mean blinks per minute at rest " + rest / 6.0);
        assertTrue(afraid > rest, "fear " + afraid + " vs rest " + rest);
        assertTrue(doubles >= 1 && doubles <= rest / 4, "occasional double blinks: " + doubles + " of " + rest);
    }

    @Test
    void speakingBlinksLessThanRestingAndFearBreathesFaster() {
        int speaking = 0;
        int resting = 0;
        for (long seed = 1; seed <= 6; seed++) {
            speaking += blinks(talkingMinute(seed, Emotion.NEUTRAL)).size();
            resting += blinks(restingMinute(seed, Emotion.NEUTRAL)).size();
        }
        assertTrue(speaking < 0.85 * resting, "blinks speaking " + speaking + " vs resting " + resting);
        int calm = breaths(talkingMinute(3, Emotion.NEUTRAL));
        int afraid = breaths(talkingMinute(3, Emotion.FEAR));
        assertTrue(afraid > calm + 4, "fear quickens the breath: " + afraid + " vs " + calm + " a minute");
    }

    /**
     * A speaker breathes with the phrases: in during the pause before each line, out through the line; a minute of
     * talk without a pause still takes a breath every few seconds (catch breaths), at a human rate.
     */
    @Test
    void breathesInBeforeEachLineAndOutThroughIt() {
        double[] starts = {3.2, 7.0, 11.3}; // clear of the clip's first and last 3 s, which rest alike
        List<Utterance> talk = List.of(Stages.talk(2.6, 7), Stages.talk(2.9, 8), Stages.talk(2.4, 9));
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("One.").says("Two.").says("Three.").seed(5)
                .build();
        Timeline timeline = Stages.timeline(scene, talk, starts, 17);
        float[] breath = FaceAnimator.of(scene, timeline, "maya").curves().curve(BREATH);
        for (int i = 0; i < starts.length; i++) {
            // the utterance opens with 0.1 s of silence: its voice starts there
            double voiced = starts[i] + 0.1;
            double end = starts[i] + talk.get(i).durationSeconds() - 0.1;
            double at = breath[Stages.frame(voiced)];
            double after = breath[Stages.frame(end)];
            // full at every line's start, whatever phase the free ~4 s cycle would have been in there
            assertTrue(at >= 0.85, "line " + i + ": breathed in before it: " + at);
            assertTrue(after <= at - 0.15, "line " + i + ": breathed out through it: " + at + " -> " + after);
        }
        int perMinute = breaths(talkingMinute(3, Emotion.NEUTRAL));
        assertTrue(perMinute >= 10 && perMinute <= 20, "breaths in a minute of talk: " + perMinute);
    }

    private static ControlCurves talkingMinute(long seed, Emotion emotion) {
        Utterance u = Stages.talk(59, 100 + seed);
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("On and on.").emotion(emotion, 0.9)
                .seed(seed).build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.2}, 60);
        return FaceAnimator.of(scene, timeline, "maya").curves();
    }

    private static int breaths(ControlCurves c) {
        float[] breath = c.curve(BREATH);
        int cycles = 0;
        for (int f = 1; f < breath.length; f++) {
            cycles += breath[f] >= 0.5 && breath[f - 1] < 0.5 ? 1 : 0;
        }
        return cycles;
    }

    @Test
    void stressedSyllablesBringNods() {
        Speech flat = Speech.builder().silence(0.2);
        Speech stressed = Speech.builder().silence(0.2);
        for (int i = 0; i < 12; i++) {
            flat.syllable(ai.gaga.voice.viseme.OculusViseme.DD, ai.gaga.voice.viseme.OculusViseme.AA, 0.4);
            stressed.syllable(ai.gaga.voice.viseme.OculusViseme.DD, ai.gaga.voice.viseme.OculusViseme.AA,
                    i % 3 == 1 ? 0.9 : 0.3);
        }
        double deepest = 0;
        ControlCurves[] takes = new ControlCurves[2];
        Utterance[] us = {flat.silence(0.2).build(), stressed.silence(0.2).build()};
        for (int k = 0; k < 2; k++) {
            Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Da da da.").build();
            takes[k] = FaceAnimator.of(scene, Stages.timeline(scene, List.of(us[k]), new double[] {0.5}, 5), "maya")
                    .curves();
        }
        float[] a = takes[0].curve(HEAD_PITCH);
        float[] b = takes[1].curve(HEAD_PITCH);
        for (int f = 0; f < a.length; f++) {
            deepest = Math.max(deepest, a[f] - b[f]); // chin lower with stress
        }
        assertTrue(deepest > 1.0, "nod on stressed syllables, " + deepest + " degrees");
    }

    @Test
    void blinksAreShortAndCloseBothEyesFully() {
        ControlCurves c = restingMinute(5, Emotion.NEUTRAL);
        float[] left = c.curve(EYE_BLINK_LEFT);
        assertArrayEquals(left, c.curve(EYE_BLINK_RIGHT));
        int closedRun = 0;
        int longest = 0;
        float max = 0;
        for (float v : left) {
            closedRun = v > 0.5 ? closedRun + 1 : 0;
            longest = Math.max(longest, closedRun);
            max = Math.max(max, v);
        }
        assertEquals(1f, max, 1e-6f, "a blink closes the eyes fully on one frame");
        assertTrue(longest <= 3, "lids more than half closed for at most 3 frames (120 ms), got " + longest);
    }

    /**
     * The first frame is a clip's poster (a player's thumbnail) and the last is held when it ends: over many seeds,
     * emotions and lengths (a line from the first frame, a look at the camera to open), the lids are open for the
     * first 0.4 s and the last 0.15 s. Seen failing: with the default seed the opening look brought a blink at 0.03 s,
     * so clips of every photo opened with closed eyes.
     */
    @Test
    void clipsOpenAndEndWithOpenEyes() {
        int checked = 0;
        for (long seed = 0; seed < 40; seed++) {
            for (double seconds : new double[] {1.2, 3, 7}) {
                Emotion emotion = seed % 3 == 0 ? Emotion.FEAR : Emotion.NEUTRAL;
                Utterance u = Stages.talk(Math.min(1.0, seconds - 0.2), 3);
                Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Hm.").emotion(emotion, 0.9)
                        .pause(Duration.ofMillis((long) (1000 * (seconds - 1)))).seed(seed).build();
                Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.0}, seconds);
                float[] lid = FaceAnimator.of(scene, timeline, "maya").curves().curve(EYE_BLINK_LEFT);
                int fps = scene.fps();
                for (int f = 0; f < lid.length; f++) {
                    double t = f / (double) fps;
                    if (t < 0.4 || t > lid.length / (double) fps - 0.15) {
                        assertEquals(0f, lid[f], 1e-6f, "seed " + seed + ", " + seconds + " s clip: lids at frame "
                                + f + " of " + lid.length);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 1000, "frames checked: " + checked);
    }

    @Test
    void looksAwayCueTurnsEyesAndHeadForAFewSeconds() {
        Utterance u = Stages.talk(2, 4);
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Fine.").action("MAYA looks away")
                .pause(Duration.ofSeconds(6)).build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.5}, 9,
                new ActionCue("MAYA looks away"), 3.0);
        ControlCurves c = FaceAnimator.of(scene, timeline, "maya").curves();
        double before = Math.abs(c.value(frame(2.8), GAZE_X));
        double during = c.value(frame(4.0), GAZE_X);
        assertTrue(before < 0.3 && Math.abs(during) > 0.45, "gaze x " + before + " then " + during);
        assertTrue(Math.signum(c.value(frame(4.0), HEAD_YAW)) == Math.signum(during)
                && Math.abs(c.value(frame(4.0), HEAD_YAW)) > 3, "head follows: " + c.value(frame(4.0), HEAD_YAW));
        assertTrue(Math.abs(c.value(frame(7.5), GAZE_X)) < 0.3, "back after the hold");
        boolean blinked = false;
        for (int f = frame(2.9); f <= frame(3.4); f++) {
            blinked |= c.value(f, EYE_BLINK_LEFT) > 0.9;
        }
        assertTrue(blinked, "a big gaze shift comes with a blink");
    }

    @Test
    void someLinesStartWithAThinkingGlanceAside() {
        Scene.Builder b = Scene.builder().actor("maya", Stages.PHOTO);
        List<Utterance> speech = new ArrayList<>();
        int lines = 16;
        double[] starts = new double[lines];
        for (int i = 0; i < lines; i++) {
            b.says("Line " + i + ".");
            speech.add(Stages.talk(1.5, 200 + i));
            starts[i] = 1 + 3.5 * i;
        }
        Scene scene = b.build();
        ControlCurves c = FaceAnimator.of(scene, Stages.timeline(scene, speech, starts, 3.5 * lines + 1), "maya")
                .curves();
        int glances = 0;
        for (double start : starts) {
            glances += Math.abs(c.value(frame(start), GAZE_X)) > 0.22 ? 1 : 0;
        }
        assertTrue(glances >= 2 && glances <= 10, "glances aside at " + glances + " of " + lines + " line starts");
    }

    @Test
    void looksDownCueLowersTheGazeAndOnlyForTheActorNamed() {
        Utterance u = Stages.talk(2, 4);
        Scene scene = Stages.twoActors().says("So.").build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.5}, 7,
                new ActionCue("MAYA looks down"), 3.0);
        ControlCurves maya = FaceAnimator.of(scene, timeline, "maya").curves();
        ControlCurves leo = FaceAnimator.of(scene, timeline, "LEO").curves();
        assertTrue(maya.value(frame(4), GAZE_Y) < -0.4, "maya looks down: " + maya.value(frame(4), GAZE_Y));
        assertTrue(Math.abs(leo.value(frame(4), GAZE_Y)) < 0.2, "leo does not: " + leo.value(frame(4), GAZE_Y));
    }

    @Test
    void breathesAboutEveryFourSeconds() {
        int cycles = breaths(restingMinute(3, Emotion.NEUTRAL));
        assertTrue(cycles >= 12 && cycles <= 18, "breaths in a minute: " + cycles);
    }

    @Test
    void headMovesOnlyALittleAtRest() {
        ControlCurves c = restingMinute(8, Emotion.NEUTRAL);
        double maxYaw = 0;
        double sumSq = 0;
        float[] yaw = c.curve(HEAD_YAW);
        for (int f = frame(10); f < yaw.length; f++) {
            maxYaw = Math.max(maxYaw, Math.abs(yaw[f]));
            sumSq += yaw[f] * yaw[f];
        }
        assertTrue(maxYaw < 3 && maxYaw > 0.2, "idle yaw within a couple of degrees, moving: " + maxYaw);
    }

    @Test
    void noControlJumpsBetweenFramesAt25Fps() {
        Utterance a = Stages.talk(4, 21);
        Utterance b = Stages.talk(3, 22);
        Scene scene = Stages.twoActors().says("Hello you.").emotion(Emotion.JOY, 0.9)
                .actor("LEO").says("Go away.").emotion(Emotion.ANGER, 0.9).build();
        Timeline timeline = Stages.timeline(scene, List.of(a, b), new double[] {0.5, 5.0}, 10,
                new ActionCue("MAYA looks away"), 4.6, new ActionCue("MAYA looks at LEO"), 7.0);
        for (String actor : List.of("MAYA", "LEO")) {
            ControlCurves c = FaceAnimator.of(scene, timeline, actor).curves();
            for (FaceControl k : FaceControl.values()) {
                float[] curve = c.curve(k);
                double bound = switch (k) {
                    case EYE_BLINK_LEFT, EYE_BLINK_RIGHT -> 1.0; // a blink is meant to be fast
                    case HEAD_YAW, HEAD_PITCH, HEAD_ROLL -> 1.5; // degrees
                    case GAZE_X, GAZE_Y -> 0.2;
                    case JAW_OPEN, MOUTH_CLOSE, MOUTH_FUNNEL, MOUTH_PUCKER, MOUTH_STRETCH, MOUTH_PRESS,
                         MOUTH_ROLL_LOWER, MOUTH_ROLL_UPPER, MOUTH_UPPER_UP, MOUTH_LOWER_DOWN, TONGUE_UP,
                         MOUTH_SMILE -> 0.55; // an 80 ms p between open vowels closes within two frames
                    default -> 0.08;
                };
                for (int f = 1; f < curve.length; f++) {
                    assertTrue(Math.abs(curve[f] - curve[f - 1]) <= bound, actor + " " + k + " jumps "
                            + curve[f - 1] + " -> " + curve[f] + " at frame " + f);
                }
            }
        }
    }

    @Test
    void controlsAtFillsEveryControlAndHoldsTheLastFrame() {
        Utterance u = Stages.talk(2, 4);
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Hi.").build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.5}, 3);
        FaceAnimator maya = FaceAnimator.of(scene, timeline, "MAYA");
        assertEquals(75, maya.frameCount());
        FaceControls out = new FaceControls().set(FaceControl.CHEEK_PUFF, 1);
        maya.controlsAt(30, out);
        assertEquals(0f, out.get(FaceControl.CHEEK_PUFF), "every control is written");
        assertEquals(maya.curves().value(30, FaceControl.JAW_OPEN), out.get(FaceControl.JAW_OPEN));
        maya.controlsAt(500, out);
        FaceControls last = new FaceControls();
        maya.controlsAt(74, last);
        assertEquals(last, out);
        assertThrows(IllegalArgumentException.class, () -> maya.controlsAt(-1, out));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaceAnimator.of(scene, timeline, "leo"));
        assertTrue(e.getMessage().contains("leo") && e.getMessage().contains("maya"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaceAnimator.of(scene, timeline, "maya", 0));
        assertEquals(90, FaceAnimator.of(scene, timeline, "maya", 30).frameCount());
    }
}
