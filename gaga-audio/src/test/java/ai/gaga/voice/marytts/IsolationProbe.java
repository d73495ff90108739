package ai.gaga.voice.marytts;

import ai.gaga.scene.Voice;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechEngineFactory;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import org.slf4j.LoggerFactory;

import java.util.ServiceLoader;

/**
 * A minimal application for {@link MaryIsolationTest}, run in a fresh JVM: finds MaryTTS through ServiceLoader as GAGA
 * does, speaks one line (the first argument, if any), logs through its own SLF4J/Logback, and exits.
 */
final class IsolationProbe {
    private IsolationProbe() {
    }

    public static void main(String[] args) {
        SpeechEngineFactory factory = ServiceLoader.load(SpeechEngineFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("marytts")).findFirst().orElseThrow();
        try (SpeechEngine engine = factory.create(null)) {
            Utterance u = engine.synthesize(SpeechRequest.of(args.length > 0 ? args[0]
                    : "Isolation works. Does it not?", Voice.DEFAULT));
            LoggerFactory.getLogger(IsolationProbe.class).info("probe spoke {} s in {} phones", u.durationSeconds(),
                    u.phones().size());
        }
    }
}
