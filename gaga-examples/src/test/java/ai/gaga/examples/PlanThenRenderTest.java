package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.RenderOptions;
import ai.gaga.RenderPlan;
import ai.gaga.RenderResult;
import ai.gaga.audio.PcmAudio;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** A tone per line, 60 ms per character, with one phone per word; counts what it is asked. */
    private static final class CountingEngine implements SpeechEngine {
        final AtomicInteger spoken = new AtomicInteger();
        final AtomicInteger timed = new AtomicInteger();
        private final boolean timesWithoutSpeaking;

        CountingEngine(boolean timesWithoutSpeaking) {
            this.timesWithoutSpeaking = timesWithoutSpeaking;
        }

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public boolean timesWithoutSpeaking() {
            return timesWithoutSpeaking;
        }

        @Override
        public Utterance synthesize(SpeechRequest request) {
            spoken.incrementAndGet();
            return utterance(request, true);
        }

        @Override
        public Utterance time(SpeechRequest request) {
            if (!timesWithoutSpeaking) {
                return synthesize(request);
            }
            timed.incrementAndGet();
            return utterance(request, false);
        }

        private Utterance utterance(SpeechRequest request, boolean sound) {
            int rate = PcmAudio.STANDARD_RATE;
            double seconds = 0.06 * request.text().length();
            float[] samples = new float[(int) Math.round(seconds * rate)];
            if (sound) {
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / rate));
                }
            }
            String[] words = request.text().trim().split("\\s+");
            List<PhoneTiming> phones = new ArrayList<>();
            double step = seconds / words.length;
            for (int w = 0; w < words.length; w++) {
                phones.add(new PhoneTiming("a", w * step, (w + 1) * step));
            }
            return new Utterance(new PcmAudio(samples, rate, 1), phones, id());
        }
    }
}
