package ai.gaga.spark;

import ai.gaga.scene.Scene;
import ai.gaga.timeline.PlanJson;
import ai.gaga.timeline.Timeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The identity of a render: same hash, same clip. Written beside each clip as {@code ID.plan.sha256}; a re-run skips
 * a job whose clip is there with the same hash.
 */
final class PlanHash {
    private PlanHash() {
    }

    /**
     * SHA-256 hex of the plan JSON (as {@code gaga analyze} prints it, with each photo's local path replaced by the
     * SHA-256 of its bytes, so the scratch folder does not matter), plus the engine settings that shape the file but are
     * not in the plan. To become {@code RenderPlan.hash()} plus the engine settings once the plan API lands.
     *
     * @param photoHashes SHA-256 hex of each photo's bytes, by the photo's local path as in the scene
     * @param engine      engine settings (loudness, encoder, preset…) and output choices, as text
     */
    static String of(Scene scene, Timeline timeline, Map<String, String> photoHashes, String engine) {
        ObjectNode plan = PlanJson.tree(scene, timeline);
        for (JsonNode actor : plan.path("scene").path("actors")) {
            String photo = actor.path("photo").asText();
            ((ObjectNode) actor).put("photo", photoHashes.getOrDefault(photo, photo));
        }
        return sha256(("gaga-plan-v1\n" + plan + "\n" + engine).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
