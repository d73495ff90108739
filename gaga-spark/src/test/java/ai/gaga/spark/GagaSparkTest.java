package ai.gaga.spark;

import ai.gaga.Gaga;
import ai.gaga.scene.FacePick;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Ffprobe;
import ai.gaga.testing.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch job in a real local Spark ({@code local[2]}): six jobs (five good, among them a two-actor scene, a face
 * picked from a group photo, a script file and per-job options, and one with a corrupt photo) render to five valid
 * MP4s and one failed row naming the photo, with exit code 0; a second run skips the five (and is more than twice as
 * fast); a changed job renders again and a stale temporary upload is removed; each clip is byte-identical to the same
 * scene rendered with the plain {@link Gaga} API in this JVM, and one to {@code gaga render}'s.
 *
 * <p>Seen failing: with the skip check disabled (skipExisting ignored) the second run rendered again and the
 * "skipped" count was 0; with the scratch path left in error messages, the failed row named /tmp/gaga-spark/job-bad-…
 * instead of the photo; with the face pick applied as index N instead of N-1 the group job's MP4 differed from the
 * plain render.
 */
class GagaSparkTest {
    private static final String RES = "320x180";
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("gaga-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
        ExecutorEngines.closeAll();
    }

    @Test
    void rendersSixJobsFailsTheBadPhotoAndSkipsOnTheSecondRun() throws Exception {
        Path grace = Fixtures.graceHopper();
        Path astronaut = Fixtures.astronaut();
        Path group = Fixtures.photo("pexels_group_three.jpg");
        Path bad = dir.resolve("corrupt.jpg");
        byte[] head = Files.readAllBytes(grace);
        Files.write(bad, java.util.Arrays.copyOf(head, 600)); // a JPEG cut off after its header
        Path scriptFile = dir.resolve("scripts/greeting.fountain");
        Files.createDirectories(scriptFile.getParent());
        String fileScript = "MAYA\nGood evening.\n";
        Files.writeString(scriptFile, fileScript);
        String twoActors = "MAYA\nHi Leo.\n\nLEO\nHello.\n";

        List<String> lines = new ArrayList<>();
        // direction given in full, so that the CLI (which marks every open line neutral) renders the same scene
        String oneScript = "ME\n(neutral, normal)\nHello there.\n";
        lines.add(job("one", oneScript, Map.of("ME", grace.toString()), Map.of("resolution", RES)));
        lines.add(job("two", twoActors, Map.of("MAYA", grace.toUri().toString(), "LEO", astronaut.toString()),
                Map.of("resolution", RES)));
        lines.add(job("group", "Good morning.", Map.of("pat", group + "#2"), Map.of("resolution", RES)));
        lines.add(job("file", "scripts/greeting.fountain", Map.of("MAYA", astronaut.toString()),
                Map.of("resolution", RES)));
        lines.add(job("opts", "Nice to see you.", Map.of("me", astronaut.toString()),
                Map.of("resolution", RES, "seed", "7", "fps", "24")));
        lines.add(job("bad", "This will not render.", Map.of("me", "corrupt.jpg"), Map.of("resolution", RES)));
        Path jobs = dir.resolve("jobs.jsonl");
        Files.write(jobs, lines);
        Path out = dir.resolve("out");

        long t0 = System.nanoTime();
        Run first = run(jobs, out);
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, first.code, first.err);
        Map<String, JsonNode> results = first.results;
        assertEquals(List.of("one", "two", "group", "file", "opts", "bad"), new ArrayList<>(results.keySet()));
        for (String id : List.of("one", "two", "group", "file", "opts")) {
            JsonNode r = results.get(id);
            assertEquals("done", r.path("status").asText(), id + ": " + r);
            Path mp4 = out.resolve(id + ".mp4");
            assertEquals(mp4.toUri().toString().replace("file:///", "file:/"), r.path("output").asText());
            Ffprobe probe = Ffprobe.probe(mp4);
            assertEquals("h264", probe.video().codecName(), id);
            assertEquals("aac", probe.audio().codecName(), id);
            assertEquals(320, probe.video().width(), id);
            assertEquals(180, probe.video().height(), id);
            assertEquals(r.path("durationSeconds").asDouble(), probe.formatDuration(), 0.15, id);
            assertTrue(Files.isRegularFile(out.resolve(id + ".plan.json")), id);
            assertTrue(Files.isRegularFile(out.resolve(id + ".srt")), id);
            assertEquals(64, Files.readString(out.resolve(id + ".plan.sha256")).strip().length(), id);
        }
        assertEquals(24.0, Ffprobe.probe(out.resolve("opts.mp4")).video().avgFrameRate(), 0.01);
        JsonNode failed = results.get("bad");
        assertEquals("failed", failed.path("status").asText());
        assertTrue(failed.path("error").asText().contains(dir.resolve("corrupt.jpg").toString()), failed.toString());
        assertTrue(failed.path("output").isNull(), failed.toString());
        assertTrue(first.out.contains("5 done, 0 skipped, 1 failed"), first.out);
        // nothing half-written: no temporary uploads, no clip for the failed job
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".gaga-tmp") || n.startsWith("bad.")).toList());
        }
        Map<String, FileTime> written = new LinkedHashMap<>();
        for (String id : List.of("one", "two", "group", "file", "opts")) {
            written.put(id, Files.getLastModifiedTime(out.resolve(id + ".mp4")));
        }

        long t1 = System.nanoTime();
        Run second = run(jobs, out);
        double secondSeconds = (System.nanoTime() - t1) / 1e9;
        assertEquals(0, second.code, second.err);
        for (String id : written.keySet()) {
            assertEquals("skipped", second.results.get(id).path("status").asText(), id);
            assertEquals(written.get(id), Files.getLastModifiedTime(out.resolve(id + ".mp4")), id);
        }
        assertEquals("failed", second.results.get("bad").path("status").asText());
        assertTrue(secondSeconds < firstSeconds / 2, "second run " + secondSeconds + " s vs first "
                + firstSeconds + " s");
        System.err.printf("first run %.1f s, second run %.1f s%n", firstSeconds, secondSeconds);

        // a changed job renders again, replacing its clip; a temporary upload left by a killed task is cleaned up
        Path stale = out.resolve(".opts.mp4.0c0ffee.gaga-tmp");
        Files.writeString(stale, "half a clip");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        String oldHash = Files.readString(out.resolve("opts.plan.sha256"));
        lines.set(4, job("opts", "Nice to see you.", Map.of("me", astronaut.toString()),
                Map.of("resolution", RES, "seed", "8", "fps", "24")));
        Files.write(jobs, lines);
        Run third = run(jobs, out);
        assertEquals(0, third.code, third.err);
        assertEquals("done", third.results.get("opts").path("status").asText());
        assertEquals("skipped", third.results.get("one").path("status").asText());
        assertTrue(!oldHash.equals(Files.readString(out.resolve("opts.plan.sha256"))));
        assertTrue(Files.notExists(stale));

        // byte-identical to the CLI's render of the same script
        Path cli = dir.resolve("cli-one.mp4");
        assertEquals(0, ai.gaga.examples.GagaCli.run("render", oneScript, "--actor", "ME=" + grace, "--resolution",
                RES, "-o", cli.toString(), "-q", "--models", Fixtures.modelDir().toString(), "--offline"));
        assertArrayEquals(Files.readAllBytes(cli), Files.readAllBytes(out.resolve("one.mp4")),
                "the Spark render differs from the CLI's");

        // byte-identical to the plain API: the same scenes, built the way the job builds them, rendered in one JVM
        try (Gaga gaga = Gaga.builder().modelDir(Fixtures.modelDir()).offline(true).build()) {
            Resolution res = Resolution.parse(RES);
            Map<String, Scene> scenes = new LinkedHashMap<>();
            scenes.put("one", Scene.parse(oneScript, Map.of("ME", grace)).toBuilder().resolution(res).build());
            scenes.put("two", Scene.parse(twoActors, Map.of("MAYA", grace, "LEO", astronaut)).toBuilder()
                    .resolution(res).build());
            scenes.put("group", Scene.parse("Good morning.", Map.of("pat", group)).toBuilder().actor("pat")
                    .face(FacePick.index(1)).resolution(res).build());
            scenes.put("file", Scene.parse(scriptFile, Map.of("MAYA", astronaut)).toBuilder().resolution(res)
                    .build());
            scenes.put("opts", Scene.parse("Nice to see you.", Map.of("me", astronaut)).toBuilder().resolution(res)
                    .seed(8).fps(24).build());
            for (Map.Entry<String, Scene> e : scenes.entrySet()) {
                Path plain = dir.resolve("plain-" + e.getKey() + ".mp4");
                gaga.render(e.getValue(), plain);
                assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(out.resolve(e.getKey() + ".mp4")),
                        e.getKey() + ": the Spark render differs from the plain API's");
            }
        }
    }

    @Test
    void aJobsFileWithAnErrorStopsBeforeRenderingAndNamesTheLine() throws Exception {
        Path jobs = dir.resolve("jobs.jsonl");
        Files.writeString(jobs, job("a", "Hi.", Map.of("me", "x.jpg"), Map.of()) + "\n{\"id\": \"b\", \"script\": \n");
        Run r = run(jobs, dir.resolve("out"));
        assertEquals(3, r.code);
        assertTrue(r.err.contains("jobs.jsonl line 2: not JSON"), r.err);
        assertTrue(Files.notExists(dir.resolve("out/_results.jsonl")));
    }

    private record Run(int code, String out, String err, Map<String, JsonNode> results) {
    }

    private Run run(Path jobs, Path out) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = RenderJob.run(new String[]{"--jobs", jobs.toString(), "--out", out.toString(),
            "--models", Fixtures.modelDir().toString(), "--offline"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true,
                        StandardCharsets.UTF_8));
        String o = stdout.toString(StandardCharsets.UTF_8);
        System.out.print(o);
        Map<String, JsonNode> results = new LinkedHashMap<>();
        Path file = out.resolve("_results.jsonl");
        if (Files.exists(file)) {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(file)) {
                JsonNode n = json.readTree(line);
                results.put(n.path("id").asText(), n);
            }
        }
        return new Run(code, o, stderr.toString(StandardCharsets.UTF_8), results);
    }

    private static String job(String id, String script, Map<String, String> actors, Map<String, String> options)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        var n = json.createObjectNode();
        n.put("id", id);
        n.put("script", script);
        actors.forEach(n.putObject("actors")::put);
        var o = n.putObject("options");
        options.forEach(o::put);
        return json.writeValueAsString(n);
    }
}
