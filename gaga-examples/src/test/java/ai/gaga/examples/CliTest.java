package ai.gaga.examples;

import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code gaga} command as a user runs it: real renders, exit codes for each kind of failure. */
class CliTest {
    @TempDir
    Path dir;

    private String models() {
        return Fixtures.modelDir().toString();
    }

    @Test
    void demoRendersTheBundledScene() {
        Path out = dir.resolve("demo.mp4");
        assertEquals(0, GagaCli.run("demo", "-o", out.toString(), "--models", models(), "--offline", "-q"));
        Ffprobe probe = Ffprobe.probe(out);
        assertEquals("h264", probe.video().codecName());
        assertEquals(1920, probe.video().width());
        assertEquals(1080, probe.video().height());
        assertEquals("aac", probe.audio().codecName());
        assertEquals(probe.video().duration(), probe.audio().duration(), 0.1);
        assertTrue(probe.video().duration() > 6 && probe.video().duration() < 20, "demo length");
    }

    @Test
    void rendersTextFromAFileWithNamedActor() throws Exception {
        Path script = Files.writeString(dir.resolve("lines.txt"), "\uFEFFFirst line.\r\n\r\nSecond line.\r\n");
        Path out = dir.resolve("text.mp4");
        int code = GagaCli.run("render", script.toString(), "--actor", "ASTRO=" + Fixtures.astronaut(), "-o",
                out.toString(), "--resolution", "square", "--emotion", "joy:0.4", "--models", models(), "--offline",
                "-q");
        assertEquals(0, code);
        Ffprobe probe = Ffprobe.probe(out);
        assertEquals(1080, probe.video().width());
        assertEquals(1080, probe.video().height());
        assertTrue(probe.audio().duration() > 1.0);
    }

    @Test
    void analyzePrintsThePlanOfATwoActorScreenplayAndWritesSubtitles() throws Exception {
        Path script = Files.writeString(dir.resolve("scene.fountain"), String.join("\n",
                "INT. TRAIN STATION - NIGHT", "[ambience: rain]", "", "MAYA", "(sad, whispering)",
                "I have to go.", "", "[pause 600ms]", "", "LEO", "(angry)", "Wait!", ""));
        Path srt = dir.resolve("scene.srt");
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = GagaCli.run("analyze", script.toString(), "--actor", "MAYA=" + Fixtures.graceHopper(), "--actor",
                    "LEO=" + Fixtures.astronaut(), "--srt", srt.toString(), "--models", models(), "--offline");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        String json = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"emotion\" : \"sadness\"") && json.contains("\"delivery\" : \"whisper\""), json);
        assertTrue(json.contains("\"actor\" : \"LEO\"") && json.contains("rain"), json);
        String subtitles = Files.readString(srt);
        assertTrue(subtitles.startsWith("1\n00:00:00,000 --> "), subtitles);
        assertTrue(subtitles.contains("I have to go.") && subtitles.contains("Wait!"), subtitles);
    }

    @Test
    void exitCodesNameTheKindOfFailure() {
        Path out = dir.resolve("x.mp4");
        String photo = Fixtures.graceHopper().toString();
        assertEquals(GagaCli.EXIT_INPUT, GagaCli.run("render", "Hi.", "--actor", dir.resolve("none.jpg").toString(),
                "-o", out.toString(), "--models", models(), "-q"));
        // A flag's bad value is a bad command line (2), like an unknown flag.
        assertEquals(2, GagaCli.run("render", "Hi.", "--actor", photo, "-o", out.toString(),
                "--emotion", "bored", "--models", models(), "-q"));
        assertEquals(GagaCli.EXIT_OUTPUT, GagaCli.run("render", "Hi.", "--actor", photo, "-o",
                dir.resolve("missing/x.mp4").toString(), "--models", models(), "-q"));
        System.setProperty("gaga.cache", dir.resolve("empty-cache").toString());
        try {
            assertEquals(GagaCli.EXIT_MODEL, GagaCli.run("render", "Hi.", "--actor", photo, "-o", out.toString(),
                    "--models", dir.resolve("nothing").toString(), "--offline", "-q"));
        } finally {
            System.clearProperty("gaga.cache");
        }
        assertEquals(2, GagaCli.run("render", "Hi.", "--actor", photo, "-o", out.toString(), "--resolution",
                "huge", "--models", models(), "-q"));
        assertEquals(2, GagaCli.run("render", "Hi."));
        assertFalse(Files.exists(out));
    }
}
