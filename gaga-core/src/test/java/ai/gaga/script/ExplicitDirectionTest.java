package ai.gaga.script;

import ai.gaga.direction.ScriptDirector;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A "(neutral)" or "(normal)" the script's author wrote is direction too: the analyser must not replace it. */
class ExplicitDirectionTest {
    @Test
    void writtenNeutralAndNormalSurviveTheAnalyser() {
        Map<String, Path> cast = Map.of("MAYA", Path.of("maya.jpg"));
        String words = "Get out! I hate you, I hate you so much!";
        Scene marked = Scene.parse("MAYA\n(neutral, normal)\n" + words + "\n", cast);
        Scene unmarked = Scene.parse("MAYA\n" + words + "\n", cast);

        Line kept = new ScriptDirector().direct(marked).applyTo(marked).lines().get(0);
        Line inferred = new ScriptDirector().direct(unmarked).applyTo(unmarked).lines().get(0);

        assertEquals(Emotion.NEUTRAL, kept.emotion());
        assertEquals(Delivery.NORMAL, kept.delivery());
        // the same words without direction are read as angry and shouted: the marks, not the words, decided above
        assertNotEquals(Emotion.NEUTRAL, inferred.emotion());
        assertNotEquals(Delivery.NORMAL, inferred.delivery());
    }
}
