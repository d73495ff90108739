package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.RenderOptions;
import ai.gaga.RenderPlan;
import ai.gaga.RenderResult;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan()} then {@code render(plan)}: each line is spoken once, the render follows the plan frame for frame, and
 * it is the same clip as {@code render(scene)}. The counting engines here are fakes; the real engines' timing is
 * tested in gaga-audio (MaryLineTimingTest) and the real render path in EndToEndRenderTest and CinemaEndToEndTest.
 * Seen failing: with the render speaking every line again (as before RenderPlan), {@code spoken} was 4, not 2.
 */
class PlanThenRenderTest {
    @TempDir
    Path dir;

    private static Scene scene() {
        return Scene.builder().actor("grace", Fixtures.graceHopper())
                .says("First line here.").says("And a second one.")
                .resolution(new Resolution(320, 240)).seed(7).build();
    }

    @Test
    void anEngineThatOnlySpeaksSpeaksEachLineOnceAcrossPlanAndRender() throws Exception {
        CountingEngine engine = new CountingEngine(false);
        try (Gaga gaga = Gaga.builder().models(Fixtures.modelStore()).speech(engine).build()) {
            RenderPlan plan = gaga.plan(scene());
            assertEquals(2, engine.spoken.get(), "planning speaks both lines (this engine cannot time without it)");
            assertTrue(plan.isVoiced());
            RenderResult r = gaga.render(plan, dir.resolve("a.mp4"), RenderOptions.builder().plan(true).build());
            assertEquals(2, engine.spoken.get(), "the render reuses the plan's speech");
            assertEquals(plan.frameCount(), r.frames());
            assertEquals(plan.frameCount(), Ffprobe.countVideoFrames(r.output()));
            // the plan written beside the clip is the plan it was rendered from
            JsonNode written = new ObjectMapper().readTree(dir.resolve("a.plan.json").toFile());
            assertEquals(new ObjectMapper().readTree(plan.toJson()), written);
        }
    }

    @Test
    void anEngineThatTimesWithoutSpeakingSpeaksEachLineOnceInTheRender() {
        CountingEngine engine = new CountingEngine(true);
        try (Gaga gaga = Gaga.builder().models(Fixtures.modelStore()).speech(engine).build()) {
            RenderPlan plan = gaga.plan(scene());
            assertEquals(0, engine.spoken.get(), "planning only times");
            assertEquals(2, engine.timed.get());
            assertFalse(plan.isVoiced());
            RenderResult r = gaga.render(plan, dir.resolve("b.mp4"), RenderOptions.DEFAULT);
            assertEquals(2, engine.spoken.get(), "the render speaks each timed line once");
            assertEquals(2, engine.timed.get(), "and times nothing again");
            assertEquals(plan.frameCount(), Ffprobe.countVideoFrames(r.output()));
        }
    }

    @Test
    void renderingThePlanIsRenderingTheScene() throws Exception {
        CountingEngine engine = new CountingEngine(true);
        try (Gaga gaga = Gaga.builder().models(Fixtures.modelStore()).speech(engine).build()) {
            RenderPlan plan = gaga.plan(scene());
            Path viaPlan = gaga.render(plan, dir.resolve("plan.mp4"), RenderOptions.DEFAULT).output();
            Path direct = gaga.render(scene(), dir.resolve("scene.mp4")).output();
            assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(viaPlan));
            assertEquals(plan.hash(), gaga.plan(scene()).hash(), "the same scene plans to the same hash");
            Scene other = Scene.builder().actor("grace", Fixtures.graceHopper())
                    .says("First line here.").says("And a different one.")
                    .resolution(new Resolution(320, 240)).seed(7).build();
            assertNotEquals(plan.hash(), gaga.plan(other).hash());
        }
    }
}
