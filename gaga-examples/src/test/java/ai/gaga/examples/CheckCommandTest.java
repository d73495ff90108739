package ai.gaga.examples;

import ai.gaga.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gaga check}: a clip rendered by {@code gaga render} measures as lip-synced, with the mouth closed in its
 * silences, and the JSON on stdout is the only output; a missing clip is a bad-input exit.
 */
class CheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void checksARenderedClipAndPrintsItsReportAsJson() throws Exception {
        Path clip = dir.resolve("talk.mp4");
        assertEquals(0, GagaCli.run("render", "Hello there. [pause 800ms] It is good to see you again, my friend.",
                "--actor", Fixtures.graceHopper().toString(), "-o", clip.toString(), "--resolution", "640x360",
                "--models", Fixtures.modelDir().toString(), "--offline", "-q"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = GagaCli.run("check", clip.toString(), "--models", Fixtures.modelDir().toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertTrue(Math.abs(report.at("/lipSync/avOffsetFrames").asInt()) <= 1, report.toPrettyString());
        assertTrue(report.at("/lipSync/syncScore").asDouble() >= 0.5, report.at("/lipSync").toString());
        assertTrue(report.at("/silence/mouthClosedRatio").asDouble() >= 0.9, report.at("/silence").toString());
        assertTrue(report.at("/faceFrames").asInt() > 0.9 * report.at("/frames").asInt());
        assertFalse(report.has("track"), "the per-frame track only with --frames");
    }

    @Test
    void aClipWithNoFaceInAnyFrameIsBadInputNotAPass() throws Exception {
        // Seen failing before: exit 0 with "faceFrames": 0 and a lip-sync score of a clip with no face at all.
        Path wall = dir.resolve("wall.png");
        ImageIO.write(Fixtures.solidImage(640, 360, new Color(120, 140, 160)), "png", wall.toFile());
        Path clip = dir.resolve("wall.mp4");
        assertEquals(0, GagaCli.run("render", "Hello there, nobody.", "--actor", wall.toString(), "--allow-no-face",
                "-o", clip.toString(), "--resolution", "640x360", "--models", Fixtures.modelDir().toString(),
                "--offline", "-q"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = GagaCli.run("check", clip.toString(), "--models", Fixtures.modelDir().toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(GagaCli.EXIT_INPUT, code, said);
        assertTrue(said.contains("no face found in any of the") && said.contains("wall.mp4"), said);
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(0, report.at("/faceFrames").asInt());
        assertTrue(report.at("/frames").asInt() > 0, report.toPrettyString());
    }

    @Test
    void aMissingClipIsBadInput() {
        assertEquals(3, GagaCli.run("check", dir.resolve("nope.mp4").toString(), "--models",
                Fixtures.modelDir().toString()));
    }
}
