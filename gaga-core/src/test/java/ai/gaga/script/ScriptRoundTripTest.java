package ai.gaga.script;

import ai.gaga.scene.Camera;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Line;
import ai.gaga.scene.LineStart;
import ai.gaga.scene.Scene;
import ai.gaga.scene.Beat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScriptRoundTripTest {
    private static final Path MAYA = Path.of("maya.jpg");
    private static final Path LEO = Path.of("leo.jpg");

    @Test
    void builderToScriptTextAndBackGivesAnEqualScene() {
        Scene scene = Scene.builder()
                .heading("INT. TRAIN STATION - NIGHT").music("melancholic piano").ambience("rain")
                .actor("maya", MAYA)
                .says("Je dois partir.").emotion(Emotion.SADNESS, 0.7).delivery(Delivery.WHISPER)
                .sighs().pause(Duration.ofMillis(600)).continues("Adieu.")
                .actor("leo", LEO).says("Wait!").emotion(Emotion.ANGER, 0.9).overlapsPrevious(Duration.ofMillis(300))
                .action("MAYA looks away").camera(Camera.PUSH_IN).sfx("door")
                .pause(Duration.ofMillis(1500))
                .actor("maya").says("I was so happy... and then you left.").emotion(Emotion.JOY, 0.42)
                .after(Duration.ofMillis(250)).laughs()
                .cut()
                .actor("leo").says("Later.").at(Duration.ofMillis(12500)).delivery(Delivery.TREMBLING)
                .add(new Line("maya", "Slowly now.", Emotion.TENDERNESS, 1.0, Delivery.SOFT, LineStart.SEQUENTIAL,
                        List.of(Beat.pause(7, Duration.ofMillis(100))),
                        "<prosody rate=\"slow\">Slowly</prosody> now."))
                .build();
        String text = scene.toScriptText();
        Scene back = Scene.parse(text, Map.of("maya", MAYA, "leo", LEO));
        assertEquals(scene.elements(), back.elements(), text);
        assertEquals(scene, back, text);
        assertEquals(text, back.toScriptText());
    }

    @Test
    void designExampleSurvivesWritingAndReading() {
        Scene scene = Scene.parse(ScriptParserTest.DESIGN_EXAMPLE, ScriptParserTest.PHOTOS);
        assertEquals(scene, Scene.parse(scene.toScriptText(), ScriptParserTest.PHOTOS), scene.toScriptText());
    }

    @Test
    void neutralAndNormalThatTheUserWroteStayAskedFor() {
        Scene scene = Scene.parse("MAYA\n(normal)\nI whisper nothing, I am furious!\n\nMAYA\n(neutral)\nWhat a wonderful day!\n\n"
                + "MAYA\nNo direction here.\n", Map.of("MAYA", MAYA));
        List<Line> lines = scene.lines();
        assertEquals(List.of(true, false, false), lines.stream().map(Line::deliveryGiven).toList());
        assertEquals(List.of(false, true, false), lines.stream().map(Line::emotionGiven).toList());
        Scene back = Scene.parse(scene.toScriptText(), Map.of("MAYA", MAYA));
        assertEquals(scene, back, scene.toScriptText());

        Scene built = Scene.builder().actor("maya", MAYA).says("Fine.").emotion(Emotion.NEUTRAL, 0.0)
                .delivery(Delivery.NORMAL).build();
        assertEquals(built, Scene.parse(built.toScriptText(), Map.of("maya", MAYA)), built.toScriptText());
    }
}
