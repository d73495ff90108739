package ai.gaga.voice.espeak;

import ai.gaga.spi.ServiceContext;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechEngineFactory;

import java.util.Set;

/**
 * Registers {@link EspeakEngine} with {@link java.util.ServiceLoader}: every language of the installed espeak-ng.
 * Priority 5, below MaryTTS (10), whose English sounds more natural; espeak is the voice for everything else.
 */
public final class EspeakEngineFactory implements SpeechEngineFactory {
    @Override
    public String id() {
        return EspeakEngine.ID;
    }

    /** Primary subtags of {@code espeak-ng --voices}, read once per JVM; empty when espeak-ng is not installed. */
    @Override
    public Set<String> languages() {
        return EspeakVoices.installed().languages();
    }

    @Override
    public int priority() {
        return 5;
    }

    @Override
    public boolean isAvailable() {
        return EspeakProcess.available(EspeakProcess.binary());
    }

    /** Cheap: espeak-ng starts per line. */
    @Override
    public SpeechEngine create(ServiceContext context) {
        return EspeakEngine.create();
    }
}
