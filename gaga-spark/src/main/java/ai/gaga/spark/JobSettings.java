package ai.gaga.spark;

import ai.gaga.sound.SoundSettings;
import ai.gaga.scene.Delivery;
import ai.gaga.scene.Emotion;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Voice;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's {@code options} column read into typed values. Keys are case-insensitive; an unknown key or a bad value
 * fails the job with a message naming the option.
 */
record JobSettings(Resolution resolution, Integer fps, Long seed, Voice voice, double loudness, Duration maxDuration,
                   Emotion emotion, double intensity, Delivery delivery, Boolean allowNoFace) {
    static final List<String> KEYS = List.of("resolution", "fps", "seed", "voice", "loudness", "maxDuration",
            "emotion", "delivery", "allowNoFace");

    static JobSettings parse(Map<String, String> options) {
        Resolution resolution = null;
        Integer fps = null;
        Long seed = null;
        Voice voice = null;
        double loudness = SoundSettings.DEFAULT_LOUDNESS;
        Duration maxDuration = null;
        Emotion emotion = null;
        double intensity = 0;
        Delivery delivery = null;
        Boolean allowNoFace = null;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().trim();
            String value = e.getValue().trim();
            try {
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "resolution" -> resolution = Resolution.parse(value);
                    case "fps" -> fps = Integer.parseInt(value);
                    case "seed" -> seed = Long.parseLong(value);
                    case "voice" -> voice = voice(value);
                    case "loudness" -> {
                        loudness = Double.parseDouble(value);
                        if (!(loudness >= -70 && loudness <= -5)) {
                            throw new IllegalArgumentException("must be -70..-5 LUFS");
                        }
                    }
                    case "maxduration" -> {
                        double s = Double.parseDouble(value.endsWith("s") ? value.substring(0, value.length() - 1)
                                : value);
                        if (!(s > 0)) {
                            throw new IllegalArgumentException("must be a positive number of seconds");
                        }
                        maxDuration = Duration.ofMillis(Math.round(s * 1000));
                    }
                    case "emotion" -> {
                        String[] parts = value.split(":", 2);
                        emotion = enumValue(Emotion.class, parts[0]);
                        intensity = parts.length > 1 ? Double.parseDouble(parts[1])
                                : emotion == Emotion.NEUTRAL ? 0 : 0.7;
                    }
                    case "delivery" -> delivery = enumValue(Delivery.class, value);
                    case "allownoface" -> allowNoFace = bool(value);
                    default -> throw new IllegalArgumentException("is not an option; known options: "
                            + String.join(", ", KEYS));
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("option '" + key + "': '" + value + "' is not a number");
            } catch (IllegalArgumentException ex) {
                String m = ex.getMessage();
                throw new IllegalArgumentException("option '" + key + "'" + (m.startsWith("Unknown") ? ": " + m
                        : " " + m), ex);
            }
        }
        return new JobSettings(resolution, fps, seed, voice, loudness, maxDuration, emotion, intensity, delivery,
                allowNoFace);
    }

    /** {@code en-US}, {@code piper:en_US-ljspeech-medium} or {@code kokoro:af_heart}. */
    private static Voice voice(String value) {
        if (value.startsWith("piper:")) {
            return Voice.piper(value.substring(6));
        }
        if (value.startsWith("kokoro:")) {
            return Voice.kokoro(value.substring(7));
        }
        return Voice.of(value);
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got '" + value + "'");
        };
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown value '" + value + "'; known: " + Arrays.stream(
                    type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
