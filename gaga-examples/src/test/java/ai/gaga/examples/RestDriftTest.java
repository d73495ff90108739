package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.evaluate.ClipEvaluator;
import ai.gaga.evaluate.ClipReport;
import ai.gaga.evaluate.EvaluationOptions;
import ai.gaga.evaluate.TimeRange;
import ai.gaga.scene.Camera;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import ai.gaga.timeline.Shot;
import ai.gaga.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stability target: over a minute-long render, the face at rest must come back to where it started, to within
 * 1 % of the inter-ocular distance. One actor on a static camera sits silent and neutral for 1.5 s, talks through
 * joy, sadness, anger, surprise, fear and disgust, then says a neutral line and sits silent for 1.5 s; the evaluator
 * re-detects the face in the first and last 1.5 s of the MP4 only (the middle is decoded, not analysed) and compares
 * the mean mesh of the frames at rest (eyes open, mouth closed) in the first second with that of the last.
 *
 * <p>Measured (2026-11, libopenh264, seed 42): 0.0014 IOD (largest point 0.0037), jitter 0.0026 IOD/frame. Before the
 * animator settled its idle wander, saccades and breathing at the clip's ends: 0.0101 (largest point 0.024). Before
 * the evaluator kept its tracking crop across the skipped middle, crop placement alone read 0.020 on identical rest
 * frames.
 */
class RestDriftTest {
    private static final Logger LOG = LoggerFactory.getLogger(RestDriftTest.class);
    /** Under the 60 s limit, with room for the frame grid. */
    private static final double LENGTH = 58.5;
    private static final double QUIET = 1.5;

    @TempDir
    Path dir;

    private record Said(String text, Emotion emotion) {
    }

    private static final List<Said> LINES = List.of(
            new Said("Good morning. I have been asked to tell you how the week went.", Emotion.NEUTRAL),
            new Said("On Monday the new machine ran for the first time, and it worked!", Emotion.JOY),
            new Said("Then on Tuesday we heard that the old team would be sent away.", Emotion.SADNESS),
            new Said("Nobody asked us. They never ask us, and I am tired of it.", Emotion.ANGER),
            new Said("And then, on Wednesday, the admiral himself walked in the door!", Emotion.SURPRISE),
            new Said("He said the whole program might be closed before the winter.", Emotion.FEAR),
            new Said("The report they wrote about us was full of the most awful nonsense.", Emotion.DISGUST),
            new Said("But by Friday the machine had solved the problem that they gave us.", Emotion.JOY),
            new Said("So that was the week. Thank you for listening.", Emotion.NEUTRAL));

    /** The scene, its pauses between lines {@code gap} seconds and the silence after the last line {@code tail}. */
    private static Scene scene(double gap, double tail) {
        Scene.Builder b = Scene.builder().actor("grace", Fixtures.graceHopper()).camera(Camera.STATIC)
                .pause(seconds(QUIET));
        for (int i = 0; i < LINES.size(); i++) {
            Said s = LINES.get(i);
            b.says(s.text()).emotion(s.emotion(), s.emotion() == Emotion.NEUTRAL ? 0.7 : 0.9);
            b.pause(seconds(i + 1 < LINES.size() ? gap : tail));
        }
        return b.maxDuration(Duration.ofSeconds(60)).seed(42).build();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    @Test
    void restPoseAfterAMinuteOfActingIsWithinOnePercentOfTheEyeDistance() {
        try (Gaga gaga = Gaga.builder().models(Fixtures.modelStore()).inferDirection(false).build();
             ClipEvaluator evaluator = ClipEvaluator.open(Fixtures.modelDir())) {
            // Spread the lines over the minute: measure the speech once, then size the pauses to end on LENGTH.
            Timeline probe = gaga.plan(scene(0.5, QUIET)).timeline();
            double speech = probe.durationSeconds() - 2 * QUIET - 0.5 * (LINES.size() - 1);
            double gap = (LENGTH - 2 * QUIET - speech) / (LINES.size() - 1);
            assertTrue(gap > 0.3, "the lines leave room for pauses: " + speech + " s of speech");
            Scene scene = scene(gap, QUIET);
            Timeline plan = gaga.plan(scene).timeline();
            double length = plan.durationSeconds();
            assertEquals(LENGTH, length, 0.1, "planned length");
            List<Shot> shots = plan.shots();
            assertEquals(1, shots.size(), "one static shot: " + shots);
            assertEquals(Shot.Move.STATIC, shots.get(0).move());

            Path out = dir.resolve("minute.mp4");
            gaga.render(scene, out);

            EvaluationOptions options = EvaluationOptions.builder().blendshapes(true)
                    .analyse(new TimeRange(0, QUIET)).analyse(new TimeRange(length - QUIET, length))
                    .still(new TimeRange(0, 1)).still(new TimeRange(length - 1, length)).build();
            ClipReport r = evaluator.evaluate(out, options);
            String numbers = String.format(Locale.ROOT, "rest-pose drift %.4f IOD (largest point %.4f) over %.1f s, "
                            + "%d + %d frames at rest; jitter %.4f IOD/frame; stable-landmark drift %.4f, shape drift "
                            + "%.4f", r.restPoseDrift(), r.restPoseDriftMax(), r.durationSeconds(),
                    r.restFramesFirst(), r.restFramesLast(), r.jitter(), r.restDrift(), r.shapeDrift());
            LOG.info("Rest drift over a minute: {}\n{}", numbers, r.summary());
            System.out.println("REST-DRIFT " + numbers);

            int analysed = (int) Math.round(2 * QUIET * r.fps());
            assertEquals(analysed, r.faceFrames(), 2, "the face is found in every analysed frame, and only there");
            assertTrue(r.restFramesFirst() >= 15 && r.restFramesLast() >= 15, "enough frames at rest: " + numbers);
            assertTrue(r.restPoseDrift() < 0.01, "rest pose drifts under 1 % of the eye distance: " + numbers);
            assertTrue(r.jitter() < 0.01, "a still face does not shake: " + numbers);
        }
    }
}
