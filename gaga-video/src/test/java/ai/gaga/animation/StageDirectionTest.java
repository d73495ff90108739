package ai.gaga.animation;

import ai.gaga.scene.ActionCue;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static ai.gaga.animation.StageDirection.Kind.LOOK_AT;
import static ai.gaga.animation.StageDirection.Kind.LOOK_AWAY;
import static ai.gaga.animation.StageDirection.Kind.LOOK_DOWN;
import static ai.gaga.animation.StageDirection.Kind.LOOK_UP;
import static ai.gaga.animation.StageDirection.Kind.NOD;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StageDirectionTest {
    private static Optional<StageDirection> parse(String text, String actor) {
        return StageDirection.parse(new ActionCue(text), actor);
    }

    @Test
    void readsGazeDirectionsAndNodsForTheActorNamedFirst() {
        assertEquals(LOOK_AWAY, parse("MAYA looks away", "maya").orElseThrow().kind());
        assertEquals(LOOK_AWAY, parse("Maya turns away, hurt", "MAYA").orElseThrow().kind());
        assertEquals(LOOK_DOWN, parse("MAYA looks down at her hands", "Maya").orElseThrow().kind());
        assertEquals(LOOK_UP, parse("MAYA looks up", "maya").orElseThrow().kind());
        assertEquals(new StageDirection(LOOK_AT, "leo"), parse("MAYA looks at LEO", "maya").orElseThrow());
        assertEquals(new StageDirection(LOOK_AT, "camera"), parse("MAYA looks back at the camera", "maya")
                .orElseThrow());
        assertEquals(NOD, parse("LEO nods", "leo").orElseThrow().kind());
        assertEquals(LOOK_UP, parse("Mary Jane looks up", "mary jane").orElseThrow().kind());
        assertEquals(StageDirection.Kind.SMILE, parse("LEO smiles", "leo").orElseThrow().kind());
        assertEquals(StageDirection.Kind.FROWN, parse("LEO frowns at her", "leo").orElseThrow().kind());
    }

    @Test
    void ignoresOtherActorsAndDirectionsTheFaceDoesNotPlay() {
        assertEquals(Optional.empty(), parse("LEO looks away", "maya"));
        assertEquals(Optional.empty(), parse("MAYAN looks away", "maya"));
        assertEquals(Optional.empty(), parse("MAYA opens the door", "maya"));
    }
}
