package ai.gaga.examples;

import ai.gaga.scene.Emotion;
import ai.gaga.scene.Line;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it when things go wrong (issue 14): clear errors, fast, and a clean stdout. */
class CliReliabilityTest {
    @TempDir
    Path dir;

    private String models() {
        return Fixtures.modelDir().toString();
    }

    /** Runs the CLI in this JVM and returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = GagaCli.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Object[] {code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aScriptPathThatDoesNotExistIsAnErrorNotSpeech() {
        // Seen failing before InputChecks.scriptFile: exit 0, and the clip said "scenes slash scene dot fountain".
        Path out = dir.resolve("typo.mp4");
        Object[] r = run("render", "scenes/scene.fountain", "--actor", Fixtures.graceHopper().toString(), "-o",
                out.toString(), "--models", models(), "--offline");
        assertEquals(GagaCli.EXIT_INPUT, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains("Script file scenes/scene.fountain not found"), (String) r[2]);
        assertFalse(Files.exists(out));
        Object[] typo = run("analyze", "my-scenes/scene.fountian", "--actor", Fixtures.graceHopper().toString(), "--models",
                models(), "--offline");
        assertEquals(GagaCli.EXIT_INPUT, typo[0], (String) typo[2]);
        assertEquals("", typo[1]);
        assertEquals(null, InputChecks.scriptFile("Hello there. Nice to meet you."), "text is text");
        assertEquals(null, InputChecks.scriptFile("Hi/bye, see you"), "text with a space is text");
    }

    @Test
    void theOutputIsNeverOneOfTheInputs() throws IOException {
        // Seen failing before: -o naming the photo or the script file replaced it with the clip, exit 0.
        Path photo = dir.resolve("me.jpg");
        Files.copy(Fixtures.graceHopper(), photo);
        byte[] photoBytes = Files.readAllBytes(photo);
        Object[] r = run("render", "Hello there.", "--actor", photo.toString(), "-o", photo.toString(), "--models",
                models(), "--offline");
        assertEquals(GagaCli.EXIT_OUTPUT, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains("is the photo of me"), (String) r[2]);
        assertArrayEquals(photoBytes, Files.readAllBytes(photo));
        Path script = dir.resolve("lines.txt");
        Files.writeString(script, "Hello there.\n");
        Object[] s = run("render", script.toString(), "--actor", Fixtures.graceHopper().toString(), "-o",
                dir.resolve(".").resolve("lines.txt").toString(), "--models", models(), "--offline");
        assertEquals(GagaCli.EXIT_OUTPUT, s[0], (String) s[2]);
        assertTrue(((String) s[2]).contains("is the script file"), (String) s[2]);
        assertEquals("Hello there.\n", Files.readString(script));
    }

    @Test
    void anOutputNamedOtherThanMp4IsWarnedAbout() {
        // Seen in a user trial: -o clip.webm (or clip.txt) wrote an MP4 without a word.
        Path missing = dir.resolve("missing.jpg"); // the render then stops at the photo: only the warning matters
        Object[] r = run("render", "Hello.", "--actor", missing.toString(), "-o", dir.resolve("clip.webm").toString(),
                "--models", models(), "--offline");
        assertTrue(((String) r[2]).contains("clip.webm will hold an MP4 clip"), (String) r[2]);
        Object[] mp4 = run("render", "Hello.", "--actor", missing.toString(), "-o", dir.resolve("clip.mp4").toString(),
                "--models", models(), "--offline");
        assertFalse(((String) mp4[2]).contains("will hold an MP4 clip"), (String) mp4[2]);
        assertEquals(GagaCli.EXIT_INPUT, mp4[0], (String) mp4[2]);
    }

    @Test
    void renderDirectsOnlyWhatTheUserAskedFor() {
        // Seen failing before: the defaults --emotion neutral --delivery normal marked every line as directed.
        RenderCommand plain = new RenderCommand();
        new CommandLine(plain).parseArgs("Hello there.", "--actor", Fixtures.graceHopper().toString(), "-o", "x.mp4");
        Line line = plain.scene().lines().get(0);
        assertFalse(line.emotionGiven() || line.deliveryGiven(), line.toString());

        RenderCommand joyful = new RenderCommand();
        new CommandLine(joyful).parseArgs("Hello there.", "--actor", Fixtures.graceHopper().toString(), "-o",
                "x.mp4", "--emotion", "joy:0.4");
        Scene s = joyful.scene();
        assertTrue(s.lines().get(0).emotionGiven());
        assertEquals(Emotion.JOY, s.lines().get(0).emotion());
        assertFalse(s.lines().get(0).deliveryGiven());
    }

    @Test
    void renderFollowsThePlanThatAnalyzePrintsFrameForFrame() throws Exception {
        // Seen failing with the old defaults put back: 98 frames planned, 113 rendered (render never inferred emotion).
        String text = "I can't believe you did that to me! Get out of my house, now!";
        Object[] analyzed = run("analyze", text, "--actor", Fixtures.graceHopper().toString(), "--models", models(),
                "--offline", "-q");
        assertEquals(0, analyzed[0], (String) analyzed[2]);
        JsonNode plan = new ObjectMapper().readTree((String) analyzed[1]);
        Path out = dir.resolve("same.mp4");
        Object[] rendered = run("render", text, "--actor", Fixtures.graceHopper().toString(), "-o", out.toString(),
                "--models", models(), "--offline", "-q");
        assertEquals(0, rendered[0], (String) rendered[2]);
        assertEquals(plan.path("timeline").path("frameCount").asLong(), Ffprobe.probe(out).video().frameCount());
    }

    @Test
    void errorsNameTheCommandLineFlagsNotJavaCalls() throws Exception {
        // Seen failing before GagaCli.message: "raise Scene.builder().maxDuration(...)", "Scene.builder()
        // .allowNoFace(true)".
        Path out = dir.resolve("long.mp4");
        Object[] tooLong = run("render", "Hello there, how are you today? ".repeat(60), "--actor",
                Fixtures.graceHopper().toString(), "-o", out.toString(), "--models", models(), "--offline");
        assertEquals(GagaCli.EXIT_INPUT, tooLong[0]);
        String m = (String) tooLong[2];
        assertTrue(m.contains("--max-duration") && !m.contains("Scene.builder") && !m.contains("maxDuration"), m);

        Path wall = dir.resolve("wall.png");
        ImageIO.write(Fixtures.solidImage(400, 300, new Color(120, 140, 160)), "png", wall.toFile());
        Object[] noFace = run("render", "Hello.", "--actor", wall.toString(), "-o", out.toString(), "--models",
                models(), "--offline", "-q");
        assertEquals(GagaCli.EXIT_INPUT, noFace[0]);
        String f = (String) noFace[2];
        assertTrue(f.contains("--allow-no-face") && !f.contains("allowNoFace"), f);
        assertFalse(Files.exists(out));
    }

    @Test
    void analyzeSaysItsWarningsInTheCommandLinesWords() throws Exception {
        // Seen failing before: the plan JSON told a CLI user "(Rest.AS_PHOTOGRAPHED keeps the smile)".
        Object[] r = run("analyze", "Hello there.", "--actor", Fixtures.photo("pexels_selfie_squint.jpg").toString(),
                "--models", models(), "--offline", "-q");
        assertEquals(0, r[0], (String) r[2]);
        String json = (String) r[1];
        JsonNode plan = new ObjectMapper().readTree(json);
        assertTrue(json.contains("--rest photo"), json);
        assertFalse(json.contains("Rest.AS_PHOTOGRAPHED"), json);
        assertTrue(plan.path("timeline").path("frameCount").asLong() > 0, json);
    }

    @Test
    void analyzeRefusesAMissingPhotoAndHasMaxDuration() {
        // Seen failing before: analyze printed a plan for a photo that does not exist, and knew no --max-duration.
        Object[] missing = run("analyze", "Hello.", "--actor", dir.resolve("nobody.jpg").toString(), "--models",
                models(), "--offline");
        assertEquals(GagaCli.EXIT_INPUT, missing[0]);
        assertTrue(((String) missing[2]).contains("nobody.jpg: file not found"), (String) missing[2]);
        assertEquals("", missing[1]);
        Object[] tight = run("analyze", "Hello there, how are you today?", "--actor",
                Fixtures.graceHopper().toString(), "--max-duration", "1", "--models", models(), "--offline");
        assertEquals(GagaCli.EXIT_INPUT, tight[0]);
        assertTrue(((String) tight[2]).contains("over the 1.00 s limit"), (String) tight[2]);
    }

    /** The CLI in a fresh JVM, as a user starts it. */
    private Object[] fresh(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), GagaCli.class.getName()));
        command.addAll(List.of(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "CLI did not finish");
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Object[] {p.exitValue(), Files.readString(stdout), Files.readString(stderr), seconds};
    }

    @Test
    void badInputFailsWithinFourSecondsOfAColdStart() throws Exception {
        // Seen failing before: the error came after the emotion model and MaryTTS had loaded (4-13 s).
        Path script = Files.writeString(dir.resolve("long.fountain"), "MAYA\n" + "I have so much to say. ".repeat(
                200) + "\n");
        Object[][] runs = {
            fresh("render", "Hi.", "--actor", dir.resolve("none.jpg").toString(), "-o", "x.mp4", "--models",
                    models(), "--offline"),
            fresh("render", script.toString(), "--actor", "MAYA=" + Fixtures.graceHopper(), "-o", "x.mp4",
                    "--models", models(), "--offline"),
            fresh("analyze", "Hi.", "--actor", Fixtures.graceHopper().toString(), "-o", "x.mp4", "--models",
                    models())};
        for (Object[] r : runs) {
            String err = (String) r[2];
            assertTrue((double) r[3] < 4.0, r[3] + " s: " + err);
            assertEquals("", r[1], "stdout stays empty");
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        }
        assertEquals(GagaCli.EXIT_INPUT, runs[0][0]);
        assertEquals(GagaCli.EXIT_INPUT, runs[1][0]);
        assertTrue(((String) runs[1][2]).contains("needs at least"), (String) runs[1][2]);
        assertEquals(2, runs[2][0], "analyze has no -o");
    }

    @Test
    void quietAnalyzePrintsOnlyValidJsonAndNoLogLines() throws Exception {
        // Seen failing before: MaryTTS's "ERROR marytts.JPhonemiser - Problem with token <我今天…>" on stdout made the
        // JSON invalid, and -q still let INFO lines through on stderr.
        Object[] r = fresh("analyze", "I told her: 我今天很高兴见到你。 Then she left.", "--actor",
                Fixtures.graceHopper().toString(), "--models", models(), "--offline", "-q");
        assertEquals(0, r[0], (String) r[2]);
        JsonNode plan = new ObjectMapper().readTree((String) r[1]);
        assertTrue(plan.path("timeline").path("durationSeconds").asDouble() > 4.0, "the Chinese words are spoken");
        assertEquals("", ((String) r[2]).strip(), "-q: nothing but errors");
    }

    @Test
    void theLibraryLogIsQuietUnlessAskedForWithVerbose() throws Exception {
        // Seen before: every run printed the engine's INFO lines (ONNX Runtime, face analysis timings, MaryTTS start,
        // encoder settings) on stderr unless -q was given.
        Object[] quiet = fresh("analyze", "Hello there.", "--actor", Fixtures.graceHopper().toString(), "--models",
                models(), "--offline");
        assertEquals(0, quiet[0], (String) quiet[2]);
        java.util.regex.Pattern info = java.util.regex.Pattern.compile("(^|\\s)INFO\\s", java.util.regex.Pattern.MULTILINE);
        assertFalse(info.matcher((String) quiet[2]).find(), (String) quiet[2]);
        Object[] verbose = fresh("analyze", "Hello there.", "--actor", Fixtures.graceHopper().toString(), "--models",
                models(), "--offline", "-v");
        assertEquals(0, verbose[0], (String) verbose[2]);
        assertTrue(info.matcher((String) verbose[2]).find(), (String) verbose[2]);
        // The log reads "INFO what happened", without the thread and the class ("[main] INFO ai.gaga.x.Y - ...").
        assertFalse(((String) verbose[2]).contains("[main]") || ((String) verbose[2]).contains("ai.gaga."),
                (String) verbose[2]);
        assertEquals(new ObjectMapper().readTree((String) quiet[1]), new ObjectMapper().readTree((String) verbose[1]),
                "the same plan either way");
    }

    @Test
    void eachPhotoWarningIsSaidOnceInTheCommandLinesWordsAndCheckPrintsNoFfmpegBanner() throws Exception {
        // Seen before (a user trial): every photo warning came twice, first as a raw log line with the analysis'
        // internals ("Face warnings: [MOUTH_CLOSED_AT_REST, ...] (Occlusion[...])"), then as "gaga: warning:"; and
        // the rest's warnings named the Java API's Rest.AS_PHOTOGRAPHED to command-line users.
        Object[] r = fresh("render", "Hello.", "--actor", Fixtures.photo("pexels_selfie_squint.jpg").toString(),
                "-o", "smile.mp4", "-r", "640x360", "--models", models(), "--offline");
        String err = (String) r[2];
        assertEquals(0, r[0], err);
        List<String> said = err.lines().filter(l -> l.startsWith("gaga: warning:")).toList();
        assertTrue(said.stream().anyMatch(l -> l.contains("broad smile") && l.contains("--rest photo")), err);
        for (String line : said) {
            String text = line.substring("gaga: warning:".length()).strip();
            String words = text.substring(text.indexOf("): ") + 3); // after the actor's name and photo
            assertEquals(1, err.lines().filter(l -> l.contains(words)).count(), "said once: " + words + "\n" + err);
        }
        assertFalse(java.util.regex.Pattern.compile("(^|\\s)WARN\\s", java.util.regex.Pattern.MULTILINE).matcher(err).find()
                || err.contains("Occlusion[") || err.contains("AS_PHOTOGRAPHED"), err);
        // Seen before: check printed FFmpeg's stream table and JavaCV's "Info: avformat_open_input rejected some
        // options" on stderr.
        Object[] check = fresh("check", dir.resolve("smile.mp4").toString(), "--models", models());
        String checkErr = (String) check[2];
        assertEquals(0, check[0], checkErr);
        assertFalse(checkErr.contains("Input #0") || checkErr.contains("Info:") || checkErr.contains("Stream #"),
                checkErr);
    }

    @Test
    void anAspectOptionPointsToTheResolutionOption() throws Exception {
        // Seen before (a user trial): "--aspect 9:16" gave "Unknown options: '--aspect', ..." and nothing more.
        Object[] r = fresh("render", "--aspect", "9:16", "Hello.", "--actor", Fixtures.graceHopper().toString(), "-o",
                "x.mp4");
        assertEquals(2, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains("-r vertical"), (String) r[2]);
    }

    @Test
    void theSummarySaysWhichWayTheRealTimeFactorGoes() {
        // Seen failing before: "(0.45x real time)" read as "slower" by some users.
        assertEquals("0.45x real time: faster than real time", RenderCommand.speed(0.45));
        assertEquals("2.10x real time: slower than real time", RenderCommand.speed(2.1));
        assertEquals("1.00x real time: about real time", RenderCommand.speed(1.0));
    }
}
