package ai.gaga.studio;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Opaque server-made ids and secrets: a prefix and 128 random bits in hex. Nothing a client sends becomes a path. */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID = Pattern.compile("[a-z]{1,8}_[0-9a-f]{32}");

    private Ids() {
    }

    static String newId(String prefix) {
        return prefix + "_" + secret(16);
    }

    /** {@code bytes} random bytes in hex. */
    static String secret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether a string has the shape of an id (it still has to be known to the server). */
    static boolean wellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
