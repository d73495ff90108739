package ai.gaga.script;

import ai.gaga.ScriptException;
import ai.gaga.scene.Beat;
import ai.gaga.scene.Line;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts too large to be a clip are refused by the parser, naming the limit and the line, before anything speaks. */
class ScriptLimitsTest {
    // Seen failing before the limits: the 10,000-line script parsed into 5,000 lines (and then spoke for 400 s), the
    // 200 KB line parsed into one line (and ran out of memory in the resampler after 155 s).

    @Test
    void aScriptOfTenThousandLinesIsRefusedNamingTheLimitAndTheLine() {
        String script = "Hi.\n".repeat(10_000);
        long t0 = System.nanoTime();
        ScriptException e = assertThrows(ScriptException.class, () -> new ScriptParser().parse(script));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "refused at once");
        assertEquals(ScriptParser.MAX_LINES + 1, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("10,001 lines") && e.getMessage().contains("at most 2,000"),
                e.getMessage());
    }

    @Test
    void aLineOfTwoHundredKilobytesIsRefusedNamingTheLimit() {
        String line = "All work and no play makes Jack a dull boy. ".repeat(4_600); // ~200 KB
        ScriptException e = assertThrows(ScriptException.class, () -> new ScriptParser().parse(line));
        assertTrue(e.getMessage().contains("at most 100,000"), e.getMessage());
        String shorter = "Intro.\n\n" + "All work and no play. ".repeat(300); // 6,600 characters on line 3
        ScriptException l = assertThrows(ScriptException.class, () -> new ScriptParser().parse(shorter));
        assertEquals(3, l.line());
        assertTrue(l.getMessage().contains("line 3 is 6,600 characters long; at most 5,000"), l.getMessage());
    }

    @Test
    void aLongTextTypedAsManyShortLinesIsRefusedForItsLengthNotItsLineLength(@org.junit.jupiter.api.io.TempDir
                                                                                java.nio.file.Path dir)
            throws java.io.IOException {
        // Seen failing before: 167 short lines (one paragraph, single newlines) were refused with "line 1 is 10,504
        // characters long: split it into several lines", which the user had done.
        String text = "All work and no play makes Jack a dull boy, they say.\n".repeat(200);
        java.nio.file.Path photo = dir.resolve("maya.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_3BYTE_BGR),
                "png", photo.toFile());
        ai.gaga.scene.Scene scene = ai.gaga.scene.Scene.parse(text, java.util.Map.of("maya", photo));
        ai.gaga.SceneTooLongException e = assertThrows(ai.gaga.SceneTooLongException.class,
                () -> ai.gaga.scene.SceneLimits.check(scene));
        ai.gaga.GagaException first = assertThrows(ai.gaga.GagaException.class,
                () -> ai.gaga.scene.SceneChecks.check(scene));
        assertTrue(first instanceof ai.gaga.SceneTooLongException, first.getMessage());
        assertEquals(e.getMessage(), first.getMessage());
    }

    @Test
    void nestedBracketsKeepTheirWordsAndTheInnerPause() {
        // Seen failing before the fix: the text was "Hello friend]." and "there" became an unknown tag; no pause.
        Script script = new ScriptParser().parse("Hello [there [pause 300ms] friend].");
        Line line = script.lines().get(0);
        assertEquals("Hello there friend.", line.text());
        assertEquals(List.of(Beat.pause("Hello there ".length(), Duration.ofMillis(300))), line.beats());
        assertTrue(script.warnings().stream().anyMatch(w -> w.message().contains("tags do not nest")),
                script.warnings().toString());
        assertTrue(script.tags().isEmpty(), script.tags().toString());
    }

    @Test
    void anUnclosedNestedBracketNamesTheColumn() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> new ScriptParser().parse("Hi [there [pause 1s] friend."));
        assertEquals(4, e.column());
    }
}
