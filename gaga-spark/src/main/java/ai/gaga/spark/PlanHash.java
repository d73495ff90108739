package ai.gaga.spark;

import ai.gaga.RenderPlan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a render: same hash, same clip. Written beside each clip as {@code ID.plan.sha256}; a re-run skips
 * a job whose clip is there with the same hash.
 */
final class PlanHash {
    private PlanHash() {
    }

    /**
     * {@link RenderPlan#hash()} (the plan's JSON and the bytes of its photos and recordings, not where they lie) with the
     * engine settings and output choices that shape the files but are not part of the plan.
     *
     * @param engine engine settings (loudness, encoder, preset…) and output choices, as text
     */
    static String of(RenderPlan plan, String engine) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("gaga-spark-v1\n" + plan.hash() + "\n"
                    + engine).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
