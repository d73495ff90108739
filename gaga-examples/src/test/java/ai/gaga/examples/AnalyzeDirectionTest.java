package ai.gaga.examples;

import ai.gaga.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code gaga analyze} prints each line's inferred direction, and the plan acts it. */
class AnalyzeDirectionTest {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeDirectionTest.class);

    @TempDir
    Path dir;

    private JsonNode analyze(Path script) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = GagaCli.run("analyze", script.toString(), "--actor", "MAYA=" + Fixtures.graceHopper(), "--actor",
                    "LEO=" + Fixtures.astronaut(), "--models", Fixtures.modelDir().toString(), "--offline");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        try {
            return new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(captured.toString(StandardCharsets.UTF_8), e);
        }
    }

    @Test
    void analyzePrintsInferredEmotionsBesideTheMarkupAndPlansWithThem() throws Exception {
        Path script = Files.writeString(dir.resolve("scene.fountain"), String.join("\n",
                "EXT. CEMETERY - DAY", "", "MAYA", "(angry)", "Leave me alone.", "", "LEO",
                "I was so happy... and then you left.", ""));
        JsonNode json = analyze(script);
        JsonNode direction = json.get("direction").get("lines");
        assertEquals("anger", direction.get(0).get("emotion").asText());
        assertEquals("markup", direction.get(0).get("emotionSource").asText());
        assertEquals("sadness", direction.get(1).get("emotion").asText());
        assertEquals("inferred", direction.get(1).get("emotionSource").asText());
        assertEquals(2, direction.get(1).get("arc").size());
        assertEquals("sadness", json.get("lines").get(1).get("emotion").asText(), "the plan acts the inferred emotion");
        assertEquals(1, json.get("timeline").get("entries").get(1).get("line").asInt(),
                "timeline entries still point at their lines");
    }

    @Test
    void logsHowLongAnalyzeTakesOnASixtySecondScript() throws Exception {
        StringBuilder sb = new StringBuilder();
        String[] lines = {"I was so happy... and then you left.", "Don't worry, my love, we'll get through this.",
                "Did you hear that? Someone is in the house.", "How dare you read my messages!",
                "Wow, you cut your hair!", "The train leaves at seven fifteen, so we have to hurry."};
        for (int i = 0; i < 18; i++) {
            sb.append(i % 2 == 0 ? "MAYA" : "LEO").append('\n').append(lines[i % lines.length]).append("\n\n");
        }
        Path script = Files.writeString(dir.resolve("minute.fountain"), sb.toString());
        analyze(script); // start-up: models, voices, lexicons
        long t0 = System.nanoTime();
        JsonNode json = analyze(script);
        long t1 = System.nanoTime();
        LOG.info(String.format("gaga analyze, %.1f s script, after start-up: %.0f ms (speaking the lines for "
                        + "timing included)", json.get("timeline").get("durationSeconds").asDouble(),
                (t1 - t0) / 1e6));
        assertEquals(18, json.get("direction").get("lines").size());
    }
}
