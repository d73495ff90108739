package ai.gaga.voice;

import ai.gaga.spi.ServiceContext;

import java.util.Set;

/**
 * Service-provider entry for a speech engine ({@code META-INF/services/ai.gaga.voice.SpeechEngineFactory}).
 * Creating the engine may be slow (voices load); {@link #languages()} must be cheap.
 */
public interface SpeechEngineFactory extends ai.gaga.spi.Plugin {
    /** Engine id, matching {@link SpeechEngine#id()}. */
    @Override
    String id();

    /** Primary language subtags this engine can speak (e.g. {@code en}), without starting it. */
    Set<String> languages();


    /** Whether the engine can run here (binaries present etc.). */
    default boolean isAvailable() {
        return true;
    }

    SpeechEngine create(ServiceContext context);
}
