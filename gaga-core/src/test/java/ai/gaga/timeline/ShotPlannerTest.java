package ai.gaga.timeline;

import ai.gaga.testing.Utterances;
import ai.gaga.scene.Camera;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShotPlannerTest {
    private static final Path A = Path.of("grace.jpg");
    private static final Path B = Path.of("eileen.png");

    private static Timeline plan(Scene scene, double... seconds) {
        return new TimelinePlanner().plan(scene, Arrays.stream(seconds).mapToObj(Utterances::silent).toList());
    }

    private static void assertCovers(Timeline t, int fps) {
        List<Shot> shots = t.shots();
        assertEquals(0, shots.get(0).startFrame());
        for (int i = 1; i < shots.size(); i++) {
            assertEquals(shots.get(i - 1).endFrame(), shots.get(i).startFrame(), "gap before shot " + i);
        }
        assertEquals(t.frameCount(fps), shots.get(shots.size() - 1).endFrame());
    }

    @Test
    void dialogueOpensOnTwoShotThenCutsToEachSpeakerFiveFramesEarly() {
        Scene scene = Scene.builder().actor("grace", A).says("One.").pause(Duration.ofMillis(500))
                .actor("eileen", B).says("Two.").actor("grace").says("Three.").build();
        Timeline t = plan(scene, 2.0, 2.0, 1.5); // lines at 0-2, 2.5-4.5, 4.5-6.0
        List<Shot> s = t.shots();
        assertEquals(3, s.size(), s.toString());
        assertEquals(Shot.Layout.TWO_SHOT, s.get(0).layout());
        assertEquals(List.of("grace", "eileen"), s.get(0).subjects());
        // eileen starts at 2.5 s = frame 62: the cut comes 5 frames (0.2 s) before, holding grace's pause.
        assertEquals(57, s.get(1).startFrame());
        assertEquals(Shot.Layout.SINGLE, s.get(1).layout());
        assertEquals(List.of("eileen"), s.get(1).subjects());
        assertEquals(107, s.get(2).startFrame()); // grace again at 4.5 s = frame 112
        assertEquals(List.of("grace"), s.get(2).subjects());
        assertEquals(150, s.get(2).endFrame());
        assertEquals(57 / 25.0, s.get(1).start(), 1e-9);
        assertCovers(t, 25);
    }

    @Test
    void leadIsSixFramesAt30Fps() {
        Scene scene = Scene.builder().fps(30).actor("grace", A).says("One.").actor("eileen", B).says("Two.").build();
        Timeline t = plan(scene, 2.0, 1.0);
        assertEquals(54, t.shots().get(1).startFrame()); // frame 60 - 6
        assertCovers(t, 30);
    }

    @Test
    void overlappingDialogueIsShownInATwoShot() {
        Scene scene = Scene.builder().actor("grace", A).says("One.").actor("eileen", B).says("Two.")
                .actor("grace").says("Wait!").overlapsPrevious(Duration.ofMillis(800))
                .actor("eileen").says("Four.").build();
        // 0-2 grace, 2-4 eileen, 2.8-3.6 grace over her, 4-5 eileen
        Timeline t = plan(scene, 2.0, 2.0, 0.8, 1.0);
        List<Shot> s = t.shots();
        assertEquals(List.of(0, 45, 65, 95), s.stream().map(Shot::startFrame).toList(), s.toString());
        assertEquals(Shot.Layout.TWO_SHOT, s.get(2).layout());
        assertEquals(List.of("grace", "eileen"), s.get(2).subjects());
        assertEquals(Shot.Layout.SINGLE, s.get(3).layout());
        assertEquals(List.of("eileen"), s.get(3).subjects());
        assertCovers(t, 25);
    }

    @Test
    void cameraCuesOverrideSizeMoveAndLayout() {
        Scene scene = Scene.builder().actor("grace", A).says("One.").actor("eileen", B)
                .camera(Camera.CLOSE_UP).says("Two.").actor("grace").camera(Camera.PUSH_IN).says("Three.")
                .camera(Camera.TWO_SHOT).actor("eileen").says("Four.").actor("grace").says("Five.").build();
        Timeline t = plan(scene, 1.0, 1.0, 1.0, 1.0, 1.0);
        List<Shot> s = t.shots();
        assertEquals(List.of(0, 20, 45, 70), s.stream().map(Shot::startFrame).toList(), s.toString());
        assertEquals(Shot.Size.CLOSE_UP, s.get(1).size());
        assertEquals(List.of("eileen"), s.get(1).subjects());
        assertEquals(Shot.Size.CLOSE_UP, s.get(2).size(), "sizes stick until changed");
        assertEquals(Shot.Move.PUSH_IN, s.get(2).move());
        assertEquals(ShotPlanner.CUE_STRENGTH, s.get(2).strength());
        assertEquals(Shot.Layout.TWO_SHOT, s.get(3).layout(), "two-shot holds across speakers");
        assertEquals(125, s.get(3).endFrame());
    }

    @Test
    void cutForcesANewShotOnTheSameSpeaker() {
        Scene one = Scene.builder().actor("grace", A).says("One.").says("Two.").build();
        assertEquals(1, plan(one, 2.0, 2.0).shots().size());
        Scene cut = Scene.builder().actor("grace", A).says("One.").cut().says("Two.").build();
        List<Shot> s = plan(cut, 2.0, 2.0).shots();
        assertEquals(List.of(0, 45), s.stream().map(Shot::startFrame).toList(), s.toString());
        assertEquals(Shot.Size.CLOSE_UP, s.get(1).size(), "a cut to the same photo changes the size");
    }

    @Test
    void cameraCueInASilenceCutsWhereItStands() {
        Scene scene = Scene.builder().actor("grace", A).says("One.").camera(Camera.WIDE)
                .pause(Duration.ofSeconds(2)).says("Two.").build();
        List<Shot> s = plan(scene, 2.0, 1.0).shots();
        assertEquals(List.of(0, 50), s.stream().map(Shot::startFrame).toList(), s.toString());
        assertEquals(Shot.Size.WIDE, s.get(1).size());
    }

    @Test
    void aBareParentheticalIsNoPeakButAnEmotionTurnStillCuts() {
        Scene scene = Scene.builder().actor("grace", A).says("Fine.").says("But I miss them.")
                .emotion(Emotion.SADNESS).build(); // intensity 0.7
        List<Shot> s = plan(scene, 2.0, 2.0).shots();
        assertEquals(List.of(0, 45), s.stream().map(Shot::startFrame).toList(), s.toString());
        assertEquals(ShotPlanner.DRIFT, s.get(1).strength(), "no peak push-in");
        assertEquals(Shot.Size.CLOSE_UP, s.get(1).size(), "the turn cuts in");
        assertEquals(-0.7, s.get(1).grade().warmth(), 1e-9);
    }

    @Test
    void aLongLineCutsAwayToTheListenerAndBack() {
        Scene scene = Scene.builder().actor("grace", A).says("One.").actor("eileen", B).says("A long story.")
                .actor("grace").says("Three.").build();
        // grace 0-2, eileen 2-10 (cut at 45), away at 2 + 4 = 6 s (frame 150) for 1.5 s (38 frames), back at 188
        List<Shot> s = plan(scene, 2.0, 8.0, 1.0).shots();
        assertEquals(List.of(0, 45, 150, 188, 245), s.stream().map(Shot::startFrame).toList(), s.toString());
        assertEquals(List.of("grace"), s.get(2).subjects(), "the listener");
        assertEquals(List.of("eileen"), s.get(3).subjects(), "back on the speaker");
        assertEquals(List.of("grace"), s.get(4).subjects());
        Scene one = Scene.builder().actor("grace", A).says("A long story.").build();
        assertEquals(1, plan(one, 8.0).shots().size(), "no listener, no cutaway");
    }

    @Test
    void weatherFadesButTimeOfDayCuts() {
        Shot day = new Shot(0, 1, 0, 25, Shot.Layout.SINGLE, List.of("a"), Shot.Size.MEDIUM, Shot.Move.STATIC, 0,
                Grade.NEUTRAL);
        Shot night = new Shot(1, 2, 25, 50, Shot.Layout.SINGLE, List.of("a"), Shot.Size.MEDIUM, Shot.Move.STATIC, 0,
                Grade.of(Grade.Look.NIGHT, 0.8));
        Shot rain = new Shot(2, 3, 50, 75, Shot.Layout.SINGLE, List.of("a"), Shot.Size.MEDIUM, Shot.Move.STATIC, 0,
                Grade.of(Grade.Look.RAIN, 0.8));
        Shot sadNight = new Shot(1, 2, 25, 50, Shot.Layout.SINGLE, List.of("a"), Shot.Size.MEDIUM,
                Shot.Move.STATIC, 0, new Grade(Grade.Look.NIGHT, 0.8, -0.5));
        assertTrue(!night.fadesFrom(day));
        assertTrue(rain.fadesFrom(night));
        assertTrue(sadNight.fadesFrom(night));
        assertTrue(!night.fadesFrom(night));
    }

    @Test
    void singleActorPushesInOnAnEmotionalPeak() {
        Scene scene = Scene.builder().actor("grace", A).says("Calm.").says("Now I am furious!")
                .emotion(Emotion.ANGER, 0.9).build();
        List<Shot> s = plan(scene, 2.0, 2.0).shots();
        assertEquals(2, s.size(), s.toString());
        assertEquals(Shot.Size.MEDIUM, s.get(0).size());
        assertEquals(ShotPlanner.DRIFT, s.get(0).strength());
        assertEquals(45, s.get(1).startFrame());
        assertEquals(Shot.Size.CLOSE_UP, s.get(1).size());
        assertEquals(Shot.Move.PUSH_IN, s.get(1).move());
        assertEquals(0.9, s.get(1).strength(), 1e-9);
    }

    @Test
    void staticCameraHoldsOneStillShotThroughEmotionTurnsAndPeaks() {
        Scene scene = Scene.builder().actor("grace", A).camera(Camera.STATIC).says("Calm.")
                .says("Now I am furious!").emotion(Emotion.ANGER, 0.9).says("And so sad.").emotion(Emotion.SADNESS)
                .says("Calm again.").build();
        List<Shot> s = plan(scene, 2.0, 2.0, 2.0, 2.0).shots();
        assertEquals(1, s.size(), s.toString());
        assertEquals(Shot.Move.STATIC, s.get(0).move());
        assertEquals(0, s.get(0).strength());
        assertEquals(Shot.Size.MEDIUM, s.get(0).size());

        Scene unlocked = Scene.builder().actor("grace", A).camera(Camera.STATIC).says("Calm.")
                .camera(Camera.PUSH_IN).says("Now I am furious!").emotion(Emotion.ANGER, 0.9).build();
        List<Shot> u = plan(unlocked, 2.0, 2.0).shots();
        assertEquals(2, u.size(), u.toString());
        assertEquals(Shot.Move.STATIC, u.get(0).move());
        assertEquals(Shot.Move.PUSH_IN, u.get(1).move(), "another move cue unlocks the camera");
    }

    @Test
    void tooShortShotsAreMerged() {
        Scene scene = Scene.builder().actor("grace", A).says("One.").actor("eileen", B).says("Hm.")
                .actor("grace").says("Three.").build();
        // eileen's "Hm." lasts 0.2 s: a shot of 5 frames would be a glitch, so the cut goes to grace directly.
        List<Shot> s = plan(scene, 2.0, 0.2, 2.0).shots();
        assertEquals(List.of(0, 50), s.stream().map(Shot::startFrame).toList(), s.toString());
        assertEquals(List.of("grace"), s.get(1).subjects());
    }

    @Test
    void gradesFollowHeadingWeatherAndEmotion() {
        Scene scene = Scene.builder().heading("INT. OFFICE - DAY").actor("grace", A).says("Morning.")
                .heading("EXT. STREET - NIGHT").says("Dark now.")
                .ambience("heavy rain").says("And wet.").emotion(Emotion.SADNESS, 0.8)
                .heading("EXT. BEACH - DAY").says("Sun!").emotion(Emotion.JOY, 1.0).build();
        List<Shot> s = plan(scene, 2.0, 2.0, 2.0, 2.0).shots();
        assertEquals(4, s.size(), s.toString());
        assertEquals(Grade.NEUTRAL, s.get(0).grade());
        assertEquals(Grade.Look.NIGHT, s.get(1).grade().look());
        assertEquals(Grade.Look.NIGHT_RAIN, s.get(2).grade().look(), "rain in the night street stays night");
        assertTrue(s.get(2).grade().raining());
        assertTrue(s.get(2).fadesFrom(s.get(1)), "rain beginning fades in");
        assertEquals(-0.8, s.get(2).grade().warmth(), 1e-9);
        assertEquals(Grade.Look.WARM, s.get(3).grade().look());
        assertEquals(1.0, s.get(3).grade().warmth(), 1e-9);
        assertEquals(List.of(0, 45, 95, 145), s.stream().map(Shot::startFrame).toList());
    }

    @Test
    void rainInTheHeadingRains() {
        assertEquals(Grade.Look.NIGHT_RAIN, ShotPlanner.headingGrade(new ai.gaga.scene.SceneHeading(
                "EXT. PIER - NIGHT (RAIN)")).look());
        assertEquals(Grade.Look.RAIN, ShotPlanner.headingGrade(new ai.gaga.scene.SceneHeading(
                "EXT. PIER - DAY (RAIN)")).look());
        assertEquals(Grade.Look.NEUTRAL, ShotPlanner.headingGrade(new ai.gaga.scene.SceneHeading(
                "INT. TRAINING ROOM - DAY")).look(), "'training' is not rain");
    }

    @Test
    void timelineWithoutLinesGetsOneOpeningShot() {
        Scene scene = Scene.builder().actor("grace", A).says("x").actor("eileen", B).says("y").build();
        List<Shot> s = new ShotPlanner().plan(scene, new Timeline(List.of(), 3.0));
        assertEquals(1, s.size());
        assertEquals(Shot.Layout.TWO_SHOT, s.get(0).layout());
        assertEquals(75, s.get(0).endFrame());
    }

    @Test
    void shotsMustBeContiguous() {
        Shot a = new Shot(0, 1, 0, 25, Shot.Layout.SINGLE, List.of("a"), Shot.Size.MEDIUM, Shot.Move.STATIC, 0,
                Grade.NEUTRAL);
        Shot b = new Shot(1.2, 2, 30, 50, Shot.Layout.SINGLE, List.of("a"), Shot.Size.MEDIUM, Shot.Move.STATIC, 0,
                Grade.NEUTRAL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Timeline(List.of(), 2, List.of(), List.of(a, b)));
        assertTrue(e.getMessage().contains("expected 25"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Shot(0, 1, 0, 25, Shot.Layout.TWO_SHOT,
                List.of("a"), Shot.Size.MEDIUM, Shot.Move.STATIC, 0, Grade.NEUTRAL));
    }
}
