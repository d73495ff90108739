package ai.gaga.timeline;

import ai.gaga.scene.Scene;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.WordTiming;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each timeline entry of the plan lists its words with their times. */
class PlanJsonWordsTest {
    @Test
    void entriesCarryTheirWordTimings() throws Exception {
        Scene scene = Scene.parse("""
                MAYA
                Hello there, Leo.
                """, Map.of("MAYA", Path.of("m.jpg")));
        Utterance speech = silent(1.5).withWords(List.of(new WordTiming("Hello", 0.1, 0.45),
                new WordTiming("there,", 0.5, 0.8), new WordTiming("Leo.", 0.9, 1.37)));
        Timeline timeline = new TimelinePlanner().plan(scene, List.of(speech));
        JsonNode words = new ObjectMapper().readTree(PlanJson.write(scene, timeline)).at("/timeline/entries/0/words");
        assertEquals(3, words.size());
        assertEquals("there,", words.get(1).get("word").asText());
        assertEquals(0.5, words.get(1).get("start").asDouble(), 1e-9);
        assertEquals(1.37, words.get(2).get("end").asDouble(), 1e-9);
    }
}
