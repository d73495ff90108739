package ai.gaga.direction;

import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptDirectorTest {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptDirectorTest.class);
    private final ScriptDirector director = new ScriptDirector();

    private static Scene parse(String script) {
        Path photo = Fixtures.graceHopper();
        return Scene.parse(script, Map.of("MAYA", photo, "LEO", Fixtures.astronaut()));
    }

    @Test
    void explicitMarkupAlwaysWinsAndInferenceFillsTheRest() {
        Scene scene = parse(String.join("\n", "MAYA", "(happy, whispering)", "I'M SO SAD, I MISS HIM!", "",
                "LEO", "I miss him too... so much.", ""));
        DirectedScript d = director.direct(scene);
        DirectedLine first = d.lines().get(0);
        assertEquals(Emotion.JOY, first.emotion());
        assertEquals(Source.MARKUP, first.emotionSource());
        assertEquals(Delivery.WHISPER, first.delivery());
        assertEquals(Source.MARKUP, first.deliverySource());
        assertEquals(Emotion.SADNESS, first.reading().emotion(), "the reading is kept for inspection");
        DirectedLine second = d.lines().get(1);
        assertEquals(Emotion.SADNESS, second.emotion());
        assertEquals(Source.INFERRED, second.emotionSource());
        assertEquals("en", second.language());

        Scene acted = d.applyTo(scene);
        Line a = acted.lines().get(0);
        Line b = acted.lines().get(1);
        assertEquals(scene.lines().get(0), a, "a line with markup is left as it was");
        assertEquals(Emotion.SADNESS, b.emotion());
        assertTrue(b.intensity() > 0.5, b.toString());
        assertFalse(b.emotionGiven(), "inferred emotions stay open to a later analysis");
    }

    @Test
    void anExplicitNeutralIsNotOverridden() {
        Scene scene = parse("MAYA\n(neutral)\nI'm so happy, we won!\n");
        assertEquals(Emotion.NEUTRAL, director.directed(scene).lines().get(0).emotion());
        Scene builder = Scene.builder().actor("MAYA", Fixtures.graceHopper()).says("I'm so happy, we won!")
                .emotion(Emotion.NEUTRAL, 0.0).delivery(Delivery.NORMAL).build();
        assertEquals(Source.MARKUP, director.direct(builder).lines().get(0).emotionSource());
        assertSame(builder, director.directed(builder));
    }

    @Test
    void directingTwiceChangesNothing() {
        Scene scene = parse("MAYA\nI was so happy... and then you left.\n\nLEO\nThe train leaves at seven.\n");
        Scene once = director.directed(scene);
        assertSame(once, director.directed(once), "the second direction finds nothing to change");
        Line turning = once.lines().get(0);
        assertEquals(2, turning.arc().segments().size(), turning.toString());
        assertSame(scene.lines().get(1).emotion(), once.lines().get(1).emotion());
    }

    @Test
    void theDirectedSceneRoundTripsThroughScriptTextWithItsEmotions() {
        Scene scene = parse("MAYA\nI'm terrified, someone is in the house!\n");
        Scene acted = director.directed(scene);
        Scene back = Scene.parse(acted.toScriptText(), Map.of("MAYA", Fixtures.graceHopper()));
        assertEquals(acted.lines().get(0).emotion(), back.lines().get(0).emotion());
        assertEquals(acted.lines().get(0).intensity(), back.lines().get(0).intensity());
        assertEquals(Emotion.FEAR, back.lines().get(0).emotion());
    }

    @Test
    void headingsAndAmbienceSetTheMoodUntilTheNextHeading() {
        Scene scene = parse(String.join("\n", "EXT. CEMETERY - DAY", "", "[ambience: rain]", "", "MAYA",
                "Let's go home.", "", "INT. KITCHEN - DAY", "", "LEO", "Let's go home.", ""));
        DirectedScript d = director.direct(scene);
        assertEquals(Emotion.SADNESS, d.lines().get(0).emotion());
        assertEquals(Emotion.NEUTRAL, d.lines().get(1).emotion());
    }

    @Test
    void aStageDirectionShapesTheNextLineOnly() {
        Scene scene = parse(String.join("\n", "[action: MAYA leans in and whispers]", "", "MAYA", "Come closer.",
                "", "LEO", "Why?", ""));
        DirectedScript d = director.direct(scene);
        assertEquals(Delivery.WHISPER, d.lines().get(0).delivery());
        assertEquals(Source.INFERRED, d.lines().get(0).deliverySource());
        assertEquals(Delivery.NORMAL, d.lines().get(1).delivery());
    }

    @Test
    void eachLineGetsItsOwnLanguage() {
        Scene scene = parse(String.join("\n", "MAYA", "Je t'aime, mon cœur.", "", "LEO", "我好想你。", "", "MAYA",
                "I love you.", ""));
        DirectedScript d = director.direct(scene);
        assertEquals(List.of("fr", "zh", "en"), d.lines().stream().map(DirectedLine::language).toList());
        assertEquals(Emotion.TENDERNESS, d.lines().get(0).emotion());
        assertEquals(Emotion.SADNESS, d.lines().get(1).emotion());
    }

    @Test
    void theDirectionPrintsAsJson() throws Exception {
        Scene scene = parse("MAYA\n(angry)\nGet out.\n\nLEO\nI was so happy... and then you left.\n");
        JsonNode json = new ObjectMapper().readTree(director.direct(scene).toJson());
        JsonNode lines = json.get("lines");
        assertEquals(2, lines.size());
        assertEquals("anger", lines.get(0).get("emotion").asText());
        assertEquals("markup", lines.get(0).get("emotionSource").asText());
        assertEquals("inferred", lines.get(1).get("emotionSource").asText());
        assertEquals("sadness", lines.get(1).get("emotion").asText());
        assertEquals(2, lines.get(1).get("arc").size());
        assertEquals("joy", lines.get(1).get("arc").get(0).get("emotion").asText());
        assertTrue(lines.get(1).get("reading").get("scores").has("sadness"));
    }

    @Test
    void applyingTheDirectionOfAnotherSceneFails() {
        DirectedScript d = director.direct(parse("MAYA\nHello.\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.applyTo(parse("MAYA\nGoodbye.\n")));
        assertTrue(e.getMessage().contains("Goodbye."), e.getMessage());
    }

    @Test
    void logsTheTimeToDirectASixtySecondScript() {
        // About 150 spoken words a minute: 24 lines in three languages, with headings, ambience and actions.
        String[] en = {"I was so happy... and then you left.", "Don't worry, my love, we'll get through this.",
                "Did you hear that? Someone is in the house.", "Ugh, this milk smells rotten.",
                "How dare you read my messages!", "Wow, you cut your hair!", "The train leaves at seven fifteen.",
                "I'm not happy here anymore."};
        String[] fr = {"J'étais si heureuse, mais tu es partie.", "Ne t'inquiète pas, je suis là.",
                "J'ai peur, je ne veux pas entrer.", "C'est dégoûtant !", "J'en ai marre de tes excuses !",
                "Quoi ? Tu te maries ?", "Le train part à sept heures.", "Tu me manques tellement."};
        String[] zh = {"我本来很开心，可是你走了。", "别担心，亲爱的。", "你听到了吗？房子里有人。", "好恶心，快拿走。",
                "我受够了你的借口！", "什么？你要结婚了？", "火车七点十五分开。", "我好想你。"};
        List<String> blocks = new ArrayList<>(List.of("EXT. CEMETERY - NIGHT", "[ambience: rain]"));
        for (int i = 0; i < 8; i++) {
            blocks.add("[action: MAYA looks away]");
            blocks.add("MAYA\n" + en[i]);
            blocks.add("LEO\n" + fr[i]);
            blocks.add("MAYA\n" + zh[i]);
        }
        Scene scene = parse(String.join("\n\n", blocks) + "\n");
        long t0 = System.nanoTime();
        DirectedScript first = director.direct(scene);
        long t1 = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) {
            director.direct(scene);
        }
        long t2 = System.nanoTime();
        LOG.info(String.format("direct() of a 60 s script (%d lines): first call %.1f ms, then "
                + "%.2f ms per call", first.lines().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6 / runs));
        assertEquals(24, first.lines().size());
    }
}
