package ai.gaga.scene;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Shot sizes and camera moves a script can ask for with {@code [camera: …]}. */
public enum Camera {
    CLOSE_UP, MEDIUM, WIDE, TWO_SHOT, PUSH_IN, PULL_OUT, PAN_LEFT, PAN_RIGHT, HANDHELD, STATIC,
    /** Split screen: each of two actors in one half of the frame ({@code [camera: split]}). */
    SPLIT;

    /** The spelling in a script: {@code close-up}, {@code two-shot}, {@code push-in}, {@code pan left}. */
    public String scriptName() {
        return switch (this) {
            case PAN_LEFT -> "pan left";
            case PAN_RIGHT -> "pan right";
            default -> name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /** Reads a script spelling, tolerant of case, hyphens, underscores and spaces ({@code Close Up}, {@code pan-left}). */
    public static Optional<Camera> parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
        if (key.equals("CLOSEUP")) {
            key = "CLOSE_UP";
        } else if (key.equals("SPLIT_SCREEN")) {
            key = "SPLIT";
        }
        String k = key;
        return Arrays.stream(values()).filter(c -> c.name().equals(k)).findFirst();
    }

    /** Every script spelling, for error messages. */
    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(Camera::scriptName).toList());
    }
}
