package ai.gaga.scene;

import java.util.Objects;
import java.util.Optional;

/**
 * Which voice speaks an actor's lines: a language (BCP-47, e.g. {@code en-US}, {@code fr}) and optionally an engine
 * id ({@code marytts}, {@code espeak}, {@code piper}…) and an engine-specific voice name.
 *
 * @param language BCP-47 language tag
 * @param engine   engine id, or null for the best installed engine for the language
 * @param name     voice name inside the engine, or null for its default
 */
public record Voice(String language, String engine, String name) {
    /** US English with the best installed engine. */
    public static final Voice DEFAULT = new Voice("en-US", null, null);

    public Voice {
        Objects.requireNonNull(language, "language");
        if (language.isBlank()) {
            throw new IllegalArgumentException("Voice language must not be blank");
        }
    }

    /** A voice for a language, e.g. {@code Voice.of("en-US")}. */
    public static Voice of(String language) {
        return new Voice(language, null, null);
    }

    /** A specific engine's voice, e.g. {@code Voice.of("en-US", "marytts", "cmu-slt-hsmm")}. */
    public static Voice of(String language, String engine, String name) {
        return new Voice(language, engine, name);
    }

    /**
     * A Piper voice by its upstream name, e.g. {@code Voice.piper("en_US-ljspeech-medium")}; the language is read from
     * the name ({@code en_US} becomes {@code en-US}). A speaker of a multi-speaker voice follows a {@code #}:
     * {@code en_US-libritts_r-medium#p123}.
     */
    public static Voice piper(String name) {
        Objects.requireNonNull(name, "name");
        int dash = name.indexOf('-');
        String locale = dash > 0 ? name.substring(0, dash) : "";
        if (!locale.matches("[a-z]{2,3}(_[A-Z]{2})?")) {
            throw new IllegalArgumentException("Piper voice names start with a locale, like en_US-ljspeech-medium; got "
                    + name);
        }
        return new Voice(locale.replace('_', '-'), "piper", name);
    }

    /**
     * A Kokoro voice, e.g. {@code Voice.kokoro("af_heart")}; the first letter of the name is its language (a: US
     * English, b: British English, e: Spanish, f: French, h: Hindi, i: Italian, j: Japanese, p: Brazilian Portuguese,
     * z: Mandarin).
     */
    public static Voice kokoro(String name) {
        Objects.requireNonNull(name, "name");
        String language = switch (name.isEmpty() ? ' ' : name.charAt(0)) {
            case 'a' -> "en-US";
            case 'b' -> "en-GB";
            case 'e' -> "es";
            case 'f' -> "fr-FR";
            case 'h' -> "hi";
            case 'i' -> "it";
            case 'j' -> "ja";
            case 'p' -> "pt-BR";
            case 'z' -> "zh";
            default -> throw new IllegalArgumentException("Kokoro voice names start with a language letter"
                    + " (a, b, e, f, h, i, j, p, z), like af_heart; got " + name);
        };
        return new Voice(language, "kokoro", name);
    }

    public Optional<String> engineId() {
        return Optional.ofNullable(engine);
    }

    public Optional<String> voiceName() {
        return Optional.ofNullable(name);
    }

    /** The primary language subtag, lower case: {@code en} for {@code en-US}. */
    public String primaryLanguage() {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }
}
