package ai.gaga.examples;

import ai.gaga.InvalidSceneException;
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
            InvalidSceneException e = assertThrows(InvalidSceneException.class, () -> RenderCommand.parseScript(
                    SCRIPT, List.of("ANN=" + family + bad, "BEN=" + family)));
            assertTrue(e.getMessage().contains("--actor ANN=" + family + bad) && e.getMessage().contains("from 1"),
                    e.getMessage());
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
