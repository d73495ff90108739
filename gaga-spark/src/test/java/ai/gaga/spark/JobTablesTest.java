package ai.gaga.spark;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading jobs files on the driver: CSV with quoted multi-line scripts and {@code NAME=uri} cells, JSON Lines, relative
 * paths taken from the jobs file's folder, face picks, and errors that name the file and line. Seen failing: with the
 * CSV reader splitting records at every line break, the two-line script job read as three records ("3 cells, the
 * header has 5").
 */
class JobTablesTest {
    @TempDir
    Path dir;

    @Test
    void readsCsvWithQuotedMultiLineScriptsAndResolvesRelativePaths() throws Exception {
        Path csv = dir.resolve("jobs.csv");
        Files.writeString(csv, "id,script,actors,options,output\n"
                + "a,\"MAYA\nHi, Leo.\n\nLEO\nHello \"\"there\"\".\",MAYA=photos/maya.jpg;LEO=/abs/group.jpg#2,"
                + "seed=7;resolution=320x180,\n"
                + "b,scene.fountain,\"{\"\"me\"\": \"\"s3a://bucket/me.png\"\"}\",,clips\n");
        List<JobSpec> jobs = JobTables.parse(new Configuration(), csv.toString(), "file:/results");
        assertEquals(2, jobs.size());
        JobSpec a = jobs.get(0);
        assertEquals("MAYA\nHi, Leo.\n\nLEO\nHello \"there\".", a.script());
        assertEquals(Map.of("MAYA", "file:" + dir.resolve("photos/maya.jpg"), "LEO", "/abs/group.jpg#2"),
                a.actors());
        assertEquals(Map.of("seed", "7", "resolution", "320x180"), a.options());
        assertEquals("file:/results", a.output());
        assertEquals(2, JobSpec.facePick(a.actors().get("LEO")));
        assertEquals("/abs/group.jpg", JobSpec.photoUri(a.actors().get("LEO")));
        JobSpec b = jobs.get(1);
        assertEquals("file:" + dir.resolve("scene.fountain"), b.script());
        assertEquals(Map.of("me", "s3a://bucket/me.png"), b.actors());
        assertEquals("file:/results/clips", b.output());
    }

    @Test
    void errorsNameTheFileAndLine() throws Exception {
        Path jsonl = dir.resolve("jobs.jsonl");
        Files.writeString(jsonl, "{\"id\":\"a\",\"script\":\"Hi.\",\"actors\":{\"me\":\"me.jpg\"}}\n\n"
                + "{\"id\":\"a\",\"script\":\"Hi.\",\"actors\":{\"me\":\"me.jpg\"}}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JobTables.parse(new Configuration(), jsonl.toString(), "/out"));
        assertTrue(e.getMessage().endsWith("jobs.jsonl line 3: id 'a' is used twice (ids name the outputs)"),
                e.getMessage());

        Files.writeString(jsonl, "{\"id\":\"a\",\"script\":\"Hi.\",\"actors\":\"me.jpg\"}\n");
        e = assertThrows(IllegalArgumentException.class,
                () -> JobTables.parse(new Configuration(), jsonl.toString(), "/out"));
        assertTrue(e.getMessage().endsWith("line 1: 'actors' must be an object of name to photo"), e.getMessage());

        Path csv = dir.resolve("jobs.csv");
        Files.writeString(csv, "id,script,actor\na,Hi.,me.jpg\n");
        e = assertThrows(IllegalArgumentException.class,
                () -> JobTables.parse(new Configuration(), csv.toString(), "/out"));
        assertTrue(e.getMessage().contains("jobs.csv line 1: unknown column 'actor'"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> JobTables.parse(new Configuration(), dir.resolve("none.jsonl").toString(), "/out"));
        assertTrue(e.getMessage().startsWith("Jobs file not found: file:" + dir.resolve("none.jsonl")),
                e.getMessage());
    }

    @Test
    void jobOptionsAndIdsAreCheckedWithTheirNames() {
        assertEquals("option 'fps': 'fast' is not a number",
                assertThrows(IllegalArgumentException.class, () -> JobSettings.parse(Map.of("fps", "fast")))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobSettings.parse(Map.of("colour", "red")))
                .getMessage().startsWith("option 'colour' is not an option; known options: resolution, fps"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> JobSettings.parse(Map.of("emotion", "glee"))).getMessage()
                .startsWith("option 'emotion': Unknown value 'glee'; known: [neutral"));
        assertEquals(-23, JobSettings.parse(Map.of("Loudness", "-23")).loudness());
        assertTrue(new JobSpec("../x", "Hi.", Map.of(), Map.of(), null).idProblem().startsWith("id '../x' cannot"));
        assertEquals(null, new JobSpec("ep-01.fr", "Hi.", Map.of(), Map.of(), null).idProblem());
    }
}
