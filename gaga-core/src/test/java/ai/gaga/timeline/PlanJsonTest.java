package ai.gaga.timeline;

import ai.gaga.scene.Scene;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanJsonTest {
    @Test
    void planHasSceneLinesTimelineAndCues() throws Exception {
        Scene scene = Scene.parse("""
                INT. TRAIN STATION - NIGHT
                [ambience: rain]
                MAYA
                (sad, whispering)
                Je dois partir. [pause 600ms] Adieu.
                LEO ^
                (angry) [at +0.3s]
                Wait!
                """, Map.of("MAYA", Path.of("m.jpg"), "LEO", Path.of("l.jpg")));
        Timeline timeline = new TimelinePlanner().plan(scene, List.of(silent(2.0),
                silent(0.5)));
        JsonNode plan = new ObjectMapper().readTree(PlanJson.write(scene, timeline));
        assertEquals("1920x1080", plan.at("/scene/resolution").asText());
        assertEquals(25, plan.at("/scene/fps").asInt());
        assertEquals("sadness", plan.at("/lines/0/emotion").asText());
        assertEquals(0.7, plan.at("/lines/0/intensity").asDouble());
        assertEquals("whisper", plan.at("/lines/0/delivery").asText());
        assertEquals("fr", plan.at("/lines/0/language").asText(), "the default voice speaks French words in French");
        assertEquals("en-US", plan.at("/lines/1/language").asText());
        JsonNode visemes = plan.at("/timeline/entries/0/visemes");
        assertTrue(visemes.size() >= 1, "each line's viseme track is in the plan");
        assertEquals(0.0, visemes.get(0).get("start").asDouble());
        assertEquals(2.0, visemes.get(visemes.size() - 1).get("end").asDouble(), 1e-3, "covering its audio");
        assertEquals(timeline.entries().get(0).utterance().engine(), plan.at("/timeline/entries/0/engine").asText());
        assertEquals(0.6, plan.at("/lines/0/pauses/0/seconds").asDouble());
        assertEquals("overlap", plan.at("/lines/1/start/kind").asText());
        assertEquals(0.3, plan.at("/timeline/entries/1/start").asDouble(), 1e-9);
        assertEquals(7, plan.at("/timeline/entries/1/startFrame").asInt());
        assertEquals(1, plan.at("/timeline/entries/1/line").asInt());
        assertEquals(50, plan.at("/timeline/frameCount").asInt());
        assertEquals("heading", plan.at("/timeline/cues/0/type").asText());
        assertEquals("ambience", plan.at("/timeline/cues/1/type").asText());
        assertEquals("rain", plan.at("/timeline/cues/1/description").asText());
        // The overlap keeps both in the opening two-shot, in the rain, cooled by Maya's sadness.
        assertEquals(1, plan.at("/timeline/shots").size());
        assertEquals("two-shot", plan.at("/timeline/shots/0/layout").asText());
        assertEquals("MAYA", plan.at("/timeline/shots/0/subjects/0").asText());
        assertEquals("LEO", plan.at("/timeline/shots/0/subjects/1").asText());
        assertEquals(0, plan.at("/timeline/shots/0/startFrame").asInt());
        assertEquals(50, plan.at("/timeline/shots/0/endFrame").asInt());
        assertEquals("medium", plan.at("/timeline/shots/0/size").asText());
        assertEquals("push-in", plan.at("/timeline/shots/0/move").asText());
        assertEquals("night_rain", plan.at("/timeline/shots/0/grade/look").asText());
        assertEquals(-0.7, plan.at("/timeline/shots/0/grade/warmth").asDouble(), 1e-9);
    }
}
