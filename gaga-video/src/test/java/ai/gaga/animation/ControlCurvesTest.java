package ai.gaga.animation;

import ai.gaga.rig.FaceControl;
import ai.gaga.rig.FacePerformance;
import ai.gaga.scene.ActionCue;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Scene;
import ai.gaga.timeline.Timeline;
import ai.gaga.voice.Utterance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlCurvesTest {
    private static FaceAnimator animator() {
        Utterance u = Stages.talk(2, 41);
        Scene scene = Scene.builder().actor("maya", Stages.PHOTO).says("Look.").emotion(Emotion.SURPRISE, 0.7)
                .build();
        Timeline timeline = Stages.timeline(scene, List.of(u), new double[] {0.4}, 4,
                new ActionCue("MAYA looks up"), 2.5);
        return FaceAnimator.of(scene, timeline, "maya");
    }

    @Test
    void csvHasAHeaderAndOneRowPerFrameWithTheValues(@TempDir Path dir) throws Exception {
        ControlCurves c = animator().curves();
        Path file = dir.resolve("maya.csv");
        c.writeCsv(file);
        List<String> rows = Files.readAllLines(file);
        assertEquals(c.frameCount() + 1, rows.size());
        String[] header = rows.get(0).split(",");
        assertEquals("frame", header[0]);
        assertEquals("time", header[1]);
        assertEquals(FaceControl.count() + 2, header.length);
        for (int f : new int[] {0, 20, 60, c.frameCount() - 1}) {
            String[] cells = rows.get(f + 1).split(",");
            assertEquals(f, Integer.parseInt(cells[0]));
            assertEquals(f / 25.0, Double.parseDouble(cells[1]), 1e-4);
            for (int i = 0; i < FaceControl.count(); i++) {
                FaceControl k = FaceControl.valueOf(header[i + 2]);
                assertEquals(c.value(f, k), Double.parseDouble(cells[i + 2]), 6e-5, k + " in frame " + f);
            }
        }
    }

    @Test
    void jsonHoldsOneCurvePerControl(@TempDir Path dir) throws Exception {
        ControlCurves c = animator().curves();
        Path file = dir.resolve("maya.json");
        c.writeJson(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertEquals(25, root.get("fps").asInt());
        assertEquals(100, root.get("frameCount").asInt());
        JsonNode controls = root.get("controls");
        assertEquals(FaceControl.count(), controls.size());
        for (FaceControl k : FaceControl.values()) {
            JsonNode curve = controls.get(k.name());
            assertEquals(c.frameCount(), curve.size(), k.name());
            for (int f = 0; f < c.frameCount(); f += 7) {
                assertEquals(c.value(f, k), curve.get(f).asDouble(), 6e-5, k + " in frame " + f);
            }
        }
        double gazeUp = controls.get("GAZE_Y").get(75).asDouble();
        assertTrue(gazeUp > 0.3, "the cue is in the export: " + gazeUp);
    }

    @Test
    void recordsAnyPerformanceAndReportsWriteFailures(@TempDir Path dir) {
        ControlCurves rest = ControlCurves.record(FacePerformance.REST, 3, 30);
        assertEquals(3, rest.frameCount());
        assertEquals(30, rest.fps());
        assertEquals(0f, rest.value(2, FaceControl.JAW_OPEN));
        assertTrue(rest.toCsv().lines().skip(1).allMatch(l -> l.matches("\\d+,[0-9.]+(,0\\.0000)+")));
        assertThrows(IndexOutOfBoundsException.class, () -> rest.value(3, FaceControl.JAW_OPEN));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> rest.writeCsv(dir.resolve("missing").resolve("x.csv")));
        assertTrue(e.getMessage().contains("x.csv"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ControlCurves.record(FacePerformance.REST, 3, 0));
    }
}
