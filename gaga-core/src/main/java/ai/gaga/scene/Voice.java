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
