package ai.gaga.voice.marytts;

import ai.gaga.spi.ServiceContext;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechEngineFactory;

import java.util.Set;

/**
 * Registers {@link MaryTtsEngine} with {@link java.util.ServiceLoader}: offline US English, bundled with gaga-audio.
 * Priority 10, so that an engine with better voices (a neural one) can outrank it.
 */
public final class MaryTtsEngineFactory implements SpeechEngineFactory {
    @Override
    public String id() {
        return MaryTtsEngine.ID;
    }

    @Override
    public Set<String> languages() {
        return Set.of("en");
    }

    @Override
    public int priority() {
        return 10;
    }

    /** Whether the MaryTTS jars are inside this gaga-audio build (cheap: nothing is extracted or started). */
    @Override
    public boolean isAvailable() {
        try {
            return MaryBundle.load().complete();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Starts MaryTTS (a few seconds). The context is not needed: Mary brings its own voice data. */
    @Override
    public SpeechEngine create(ServiceContext context) {
        return MaryTtsEngine.start();
    }
}
