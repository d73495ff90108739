package ai.gaga.scene;

import ai.gaga.SceneTooLongException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text-only estimate refuses scenes that clearly cannot fit, and never a scene that does. */
class SceneLimitsTest {
    private static Scene scene(int lines, String text, Duration max) {
        Scene.Builder b = Scene.builder().actor("maya", Path.of("maya.jpg")).maxDuration(max);
        for (int i = 0; i < lines; i++) {
            b.says(text);
        }
        return b.build();
    }

    @Test
    void aThousandLinesAreRefusedFromTheTextAlone() {
        // Seen failing before SceneLimits existed: nothing refused the scene until every line had been spoken.
        Scene scene = scene(1000, "Hello there, how are you today?", Duration.ofSeconds(60));
        long t0 = System.nanoTime();
        SceneTooLongException e = assertThrows(SceneTooLongException.class, () -> SceneLimits.check(scene));
        assertTrue(System.nanoTime() - t0 < 500_000_000L, "cheap");
        assertTrue(e.getMessage().contains("needs at least 1200.0 s") && e.getMessage().contains("1000 lines")
                && e.getMessage().contains("60.00 s limit"), e.getMessage());
        assertEquals(Duration.ofSeconds(60), e.limit());
    }

    @Test
    void countsLettersPausesAndSyllabicScriptsAtAFastRate() {
        assertEquals(1.0, SceneLimits.textSeconds("abcdefghij klmnopqrst!"), 1e-9); // 20 letters
        assertEquals(1.0, SceneLimits.textSeconds("我今天很高兴见到"), 1e-9); // 8 characters
        assertEquals(0.0, SceneLimits.textSeconds("... !? 🙂"), 1e-9);
        Scene paused = Scene.builder().actor("maya", Path.of("maya.jpg")).says("abcdefghij klmnopqrst")
                .pause(Duration.ofSeconds(2)).says("Wait... abcdefghij klmnopqrst").build();
        // 1 s + 2 s pause + 0.2 s ("Wait") + 0.4 s ellipsis + 1 s
        assertEquals(4.6, SceneLimits.leastLength(paused).toMillis() / 1000.0, 1e-3);
    }

    @Test
    void overlappingLinesCountOnlyTheLatestEnd() {
        Scene scene = Scene.builder().actor("maya", Path.of("maya.jpg"))
                .says("abcdefghij klmnopqrst").says("abcdefghij klmnopqrst").at(Duration.ofSeconds(5)).build();
        assertEquals(6.0, SceneLimits.leastLength(scene).toMillis() / 1000.0, 1e-3);
    }

    @Test
    void aSceneThatFitsIsLeftToTheExactCheck() {
        SceneLimits.check(scene(5, "Hello there, how are you today?", Duration.ofSeconds(60)));
        assertThrows(SceneTooLongException.class,
                () -> SceneLimits.check(scene(5, "Hello there, how are you today?", Duration.ofSeconds(5))));
    }
}
