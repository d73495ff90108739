package ai.gaga.examples;

import ai.gaga.scene.FacePick;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --actor NAME=PHOTO#N} picks the N-th face from the left of a group photo, counting from 1; a bad number is
 * refused with the option in the message. (Seen failing before the suffix was parsed: the photo path kept its
 * "#2" and the scene failed on a missing file.)
 */
class ActorOptionTest {
    private static final String SCRIPT = "ANN\nWe went to the lake.\n\nBEN\nAnd it rained.\n";

    @Test
    void hashNumberPicksAFaceFromTheLeftCountingFromOne() {
        String family = Fixtures.photo("pexels_family_smiles.jpg").toString();
        Scene scene = RenderCommand.parseScript(SCRIPT, List.of("ANN=" + family + "#1", "BEN=" + family + "#3"));
        assertEquals(FacePick.index(0), scene.actor("ANN").orElseThrow().face());
        assertEquals(FacePick.index(2), scene.actor("BEN").orElseThrow().face());
        assertEquals(family, scene.actor("BEN").orElseThrow().photo().toString());
        Scene plain = RenderCommand.parseScript(SCRIPT, List.of("ANN=" + family, "BEN=" + family + "#2"));
        assertEquals(FacePick.LARGEST, plain.actor("ANN").orElseThrow().face());
    }

    @Test
    void aFaceNumberMustBeAPositiveInteger() {
        String family = Fixtures.photo("pexels_family_smiles.jpg").toString();
        for (String bad : List.of("#0", "#x", "#-1", "#")) {
            BadFlagException e = assertThrows(BadFlagException.class, () -> RenderCommand.parseScript(
                    SCRIPT, List.of("ANN=" + family + bad, "BEN=" + family)));
            assertTrue(e.getMessage().contains("--actor ANN=" + family + bad) && e.getMessage().contains("from 1"),
                    e.getMessage());
        }
    }

    @Test
    void anActorGivenTwoPhotosIsRefused() {
        // Seen failing before: "-a A=hopper.jpg -a A=astronaut.png" loaded both and silently used the second.
        String family = Fixtures.photo("pexels_family_smiles.jpg").toString();
        String grace = Fixtures.graceHopper().toString();
        BadFlagException named = assertThrows(BadFlagException.class, () -> RenderCommand.parseScript(SCRIPT,
                List.of("ANN=" + family + "#1", "ANN=" + grace)));
        assertTrue(named.getMessage().contains("'ANN' already has a photo"), named.getMessage());
        BadFlagException unnamed = assertThrows(BadFlagException.class, () -> RenderCommand.parseScript(SCRIPT,
                List.of(family + "#1", family + "#2")));
        assertTrue(unnamed.getMessage().contains("name each actor, e.g. --actor MAYA=" + family + "#2"),
                unnamed.getMessage());
    }

    @Test
    void aBadFlagValueIsABadCommandLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // Seen before: --fps 60, --emotion happy, --max-duration 0 and #0 exited 3 ("bad input") while --bogus and
        // -r 4:3 exited 2; and --max-duration 1e9 said "must be above 0, got 1.0E9".
        String grace = Fixtures.graceHopper().toString();
        String models = Fixtures.modelDir().toString();
        java.util.Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("--fps", "60"), "--fps must be 24, 25 or 30");
        cases.put(List.of("--emotion", "happy"), "Unknown --emotion 'happy'");
        cases.put(List.of("--emotion", "joy:5"), "intensity must be a number from 0 to 1");
        cases.put(List.of("--max-duration", "0"), "above 0 and at most 86400");
        cases.put(List.of("--max-duration", "1e9"), "got 1000000000");
        cases.put(List.of("--rest", "smiling"), "Unknown --rest");
        cases.put(List.of("-r", "16x16"), "between 128 and 3840");
        cases.put(List.of("-r", "3840x200"), "too thin a frame");
        for (java.util.Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> args = new java.util.ArrayList<>(List.of("render", "Hello.", "--actor", grace, "-o",
                    dir.resolve("out.mp4").toString(), "--models", models, "--offline"));
            args.addAll(c.getKey());
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream old = System.err;
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            int code;
            try {
                code = GagaCli.run(args.toArray(String[]::new));
            } finally {
                System.setErr(old);
            }
            String said = err.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(2, code, c.getKey() + ": " + said);
            assertTrue(said.contains(c.getValue()), c.getKey() + ": " + said);
            assertTrue(java.nio.file.Files.notExists(dir.resolve("out.mp4")), c.getKey() + ": nothing written");
        }
    }

    @Test
    void analyzeListsTheFacesOfEachPhotoAndWhoPlaysWhich() throws Exception {
        String family = Fixtures.photo("pexels_family_smiles.jpg").toString();
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = GagaCli.run("analyze", SCRIPT, "--actor", "ANN=" + family + "#1", "--actor", "BEN=" + family
                    + "#3", "--models", Fixtures.modelDir().toString(), "--offline");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        com.fasterxml.jackson.databind.JsonNode cast = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).get("cast");
        assertEquals(2, cast.size(), "both actors: " + cast);
        com.fasterxml.jackson.databind.JsonNode faces = cast.get(0).get("faces");
        assertEquals(7, faces.size(), "the family photo shows seven faces: " + faces);
        for (int i = 1; i < faces.size(); i++) {
            assertTrue(faces.get(i).get("x").asDouble() + faces.get(i).get("width").asDouble() / 2
                    > faces.get(i - 1).get("x").asDouble() + faces.get(i - 1).get("width").asDouble() / 2,
                    "listed from the left: " + faces);
        }
        assertEquals(0, cast.get(0).get("faceIndex").asInt(), "ANN plays #1 (index 0)");
        assertEquals(2, cast.get(1).get("faceIndex").asInt(), "BEN plays #3 (index 2)");
        assertEquals(1024, cast.get(0).get("photoWidth").asInt());
    }
}
