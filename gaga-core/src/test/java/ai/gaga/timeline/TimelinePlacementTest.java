package ai.gaga.timeline;

import ai.gaga.testing.Utterances;
import ai.gaga.InvalidSceneException;
import ai.gaga.scene.Pause;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SoundCue;
import ai.gaga.voice.Utterance;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelinePlacementTest {
    private static final Map<String, Path> PHOTOS = Map.of("MAYA", Path.of("m.jpg"), "LEO", Path.of("l.jpg"));

    private static Timeline plan(String script, double... seconds) {
        List<Utterance> u = java.util.Arrays.stream(seconds).mapToObj(Utterances::silent).toList();
        return new TimelinePlanner().plan(Scene.parse(script, PHOTOS), u);
    }

    private static List<Integer> startFrames(Timeline t, int fps) {
        return t.entries().stream().map(e -> e.startFrame(fps)).toList();
    }

    @Test
    void sequentialLinesWithPausesAndCuesLandOnTheirFrames() {
        Timeline t = plan("MAYA\nOne.\n\n[pause 500ms]\n[sfx: door]\n\nLEO\nTwo.\n", 1.5, 2.0);
        assertEquals(List.of(0, 50), startFrames(t, 25));
        assertEquals(List.of(0, 48), startFrames(t, 24));
        assertEquals(4.0, t.durationSeconds(), 1e-9);
        assertEquals(100, t.frameCount(25));
        assertEquals(2, t.cues().size());
        assertTrue(t.cues().get(0).element() instanceof Pause);
        assertEquals(1.5, t.cues().get(0).start(), 1e-9);
        assertTrue(t.cues().get(1).element() instanceof SoundCue);
        assertEquals(50, t.cues().get(1).startFrame(25));
    }

    @Test
    void overlapStartsAtThePreviousLineStartPlusOffset() {
        Timeline t = plan("MAYA\nI have to go now.\nLEO ^\n[at +0.3s]\nWait!\nMAYA\nBye.", 2.0, 0.5, 1.0);
        assertEquals(0.3, t.entries().get(1).start(), 1e-9);
        assertEquals(List.of(0, 7, 50), startFrames(t, 25)); // 0.3 s * 25 = 7.5 -> frame 7; next after 2.0 s
        assertEquals(List.of(0, 9, 60), startFrames(t, 30));
        assertEquals(3.0, t.durationSeconds(), 1e-9);
        assertEquals("Wait!", t.entries().get(1).line().text());
        assertTrue(t.entries().get(0).covers(0.5) && t.entries().get(1).covers(0.5)); // both heard together
    }

    @Test
    void absoluteTimeIsFromTheClipStart() {
        Timeline t = plan("MAYA\nOne.\n\nLEO\n[at 12.5s] Two.", 1.0, 1.0);
        assertEquals(12.5, t.entries().get(1).start(), 1e-9);
        assertEquals(List.of(0, 312), startFrames(t, 25));
        assertEquals(List.of(0, 300), startFrames(t, 24));
        assertEquals(338, t.frameCount(25));
    }

    @Test
    void relativeTimeIsAfterThePreviousLineEnds() {
        Timeline t = plan("MAYA\nOne.\n\nLEO\n[at +0.3s] Two.", 1.5, 1.0);
        assertEquals(1.8, t.entries().get(1).start(), 1e-9);
        assertEquals(List.of(0, 45), startFrames(t, 25));
    }

    @Test
    void unmarkedOverlapNamesBothLines() {
        InvalidSceneException e = assertThrows(InvalidSceneException.class,
                () -> plan("MAYA\nI have to go.\n\nLEO\n[at 1s] Wait!", 2.0, 0.5));
        assertTrue(e.getMessage().contains("Line 2 (LEO: \"Wait!\")"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1 (MAYA: \"I have to go.\")"), e.getMessage());
        assertTrue(e.getMessage().contains("^"), e.getMessage());
    }

    @Test
    void overlongSceneStillFailsWithTheExistingError() {
        assertThrows(ai.gaga.SceneTooLongException.class, () -> plan("MAYA\nOne.\n\nLEO\n[at 59s] Two.", 1, 2));
    }
}
