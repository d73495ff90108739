package ai.gaga.studio;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Tells an image from anything else by its first bytes (never by its name). */
final class ImageSniffer {
    private ImageSniffer() {
    }

    /** The file extension for the image format these bytes start, or empty when they are not a known image. */
    static Optional<String> extension(byte[] head, int n) {
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(".jpg");
        }
        if (n >= 8 && (head[0] & 0xFF) == 0x89 && ascii(head, 1, 3).equals("PNG") && head[4] == 0x0D
                && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A) {
            return Optional.of(".png");
        }
        // TIFF, little- or big-endian (read by the JVM, as the renderer does). WebP is not listed: no decoder here
        // reads it, and an upload that passed this check was refused later (seen: "supported formats: bmp, …").
        if (n >= 4 && ((ascii(head, 0, 2).equals("II") && head[2] == 42 && head[3] == 0)
                || (ascii(head, 0, 2).equals("MM") && head[2] == 0 && head[3] == 42))) {
            return Optional.of(".tif");
        }
        if (n >= 6 && (ascii(head, 0, 6).equals("GIF87a") || ascii(head, 0, 6).equals("GIF89a"))) {
            return Optional.of(".gif");
        }
        if (n >= 2 && ascii(head, 0, 2).equals("BM")) {
            return Optional.of(".bmp");
        }
        return Optional.empty();
    }

    private static String ascii(byte[] b, int from, int len) {
        return new String(b, from, len, StandardCharsets.ISO_8859_1);
    }
}
