package ai.gaga.voice.selection;

import ai.gaga.scene.Voice;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechEngineFactory;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import ai.gaga.voice.language.LanguageDetector;
import ai.gaga.voice.viseme.OculusViseme;
import ai.gaga.voice.viseme.VisemeTrack;
import ai.gaga.voice.viseme.Viseme;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scene with an English, a French and a Chinese line and no language tags: each line's language is detected, the
 * engine is chosen from the registered factories' languages and priorities (as gaga-core should do it), and each line
 * is spoken with a viseme track that covers its audio.
 */
class MultilingualSceneTest {
    private static final Logger LOG = LoggerFactory.getLogger(MultilingualSceneTest.class);

    /** Best available factory for a language: highest priority among those that speak it. */
    private static SpeechEngineFactory choose(String language) {
        return ServiceLoader.load(SpeechEngineFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(SpeechEngineFactory::isAvailable).filter(f -> f.languages().contains(language))
                .max(Comparator.comparingInt(SpeechEngineFactory::priority)).orElseThrow();
    }

    @Test
    void englishGoesToMaryFrenchAndChineseToEspeakEachWithAVisemeTrack() {
        List<String> lines = List.of("Hello", "Bonjour, je suis très contente de te voir.", "我喜欢音乐。");
        List<String> expectedEngines = List.of("marytts", "espeak", "espeak");
        LanguageDetector detector = new LanguageDetector();
        for (int i = 0; i < lines.size(); i++) {
            String language = detector.detect(lines.get(i));
            SpeechEngineFactory factory = choose(language);
            assertEquals(expectedEngines.get(i), factory.id(), lines.get(i) + " (" + language + ")");
            try (SpeechEngine engine = factory.create(null)) {
                Utterance u = engine.synthesize(SpeechRequest.of(lines.get(i), Voice.of(language)));
                VisemeTrack track = u.visemes();
                LOG.info("{} [{} via {}]: {} s, visemes {}", lines.get(i), language, u.engine(),
                        String.format("%.2f", u.durationSeconds()), track.toJson());
                assertTrue(u.audio().rms() > 0.01, "silent: " + lines.get(i));
                assertEquals(u.durationSeconds(), track.duration(), 1e-6);
                if (i == 0) {
                    List<OculusViseme> spoken = track.visemes().stream().map(Viseme::shape)
                            .filter(s -> s != OculusViseme.SIL).toList();
                    assertTrue(spoken.get(0) == OculusViseme.KK || spoken.get(0) == OculusViseme.E, spoken.toString());
                    assertTrue(spoken.contains(OculusViseme.NN), spoken.toString());
                    assertTrue(spoken.get(spoken.size() - 1) == OculusViseme.O
                            || spoken.get(spoken.size() - 1) == OculusViseme.U, spoken.toString());
                }
            }
        }
    }
}
