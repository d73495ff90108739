package ai.gaga.timeline;

import ai.gaga.SceneTooLongException;
import ai.gaga.scene.Scene;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static ai.gaga.testing.Utterances.silent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelinePlannerTest {

    @Test
    void placesLinesInOrderWithPausesBetween() {
        Scene scene = Scene.builder().actor(Path.of("a.jpg")).pause(Duration.ofMillis(500)).says("One.")
                .pause(Duration.ofMillis(250)).says("Two.").pause(Duration.ofSeconds(1)).build();
        Timeline t = new TimelinePlanner().plan(scene, List.of(silent(1.5), silent(2.0)));
        assertEquals(0.5, t.entries().get(0).start(), 1e-9);
        assertEquals(2.0, t.entries().get(0).end(), 1e-9);
        assertEquals(2.25, t.entries().get(1).start(), 1e-9);
        assertEquals(5.25, t.durationSeconds(), 1e-9);
        assertEquals(132, t.frameCount(25)); // 131.25 frames -> the partial frame counts
        assertEquals("Two.", t.speakingAt(3.0).orElseThrow().line().text());
        assertTrue(t.speakingAt(2.1).isEmpty());
    }

    @Test
    void tooLongSceneSaysByHowMuch() {
        Scene scene = Scene.builder().actor(Path.of("a.jpg")).says("One.").says("Two.")
                .maxDuration(Duration.ofSeconds(3)).build();
        SceneTooLongException e = assertThrows(SceneTooLongException.class,
                () -> new TimelinePlanner().plan(scene, List.of(silent(2.0), silent(1.5))));
        assertEquals(Duration.ofMillis(500), e.overflow());
        assertTrue(e.getMessage().contains("3.50 s long, 0.50 s over the 3.00 s limit"), e.getMessage());
    }
}
