package ai.gaga.voice.piper;

import ai.gaga.models.ModelStore;
import ai.gaga.voice.SpeechEngineFactory;
import ai.gaga.voice.kokoro.KokoroEngineFactory;
import ai.gaga.voice.kokoro.KokoroFactoryAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration and availability of the neural engines: above espeak and MaryTTS, only where their files are. */
class NeuralFactoriesTest {
    @TempDir
    Path temp;

    @Test
    void bothAreRegisteredAboveEspeakAndMary() {
        Map<String, SpeechEngineFactory> byId = new HashMap<>();
        ServiceLoader.load(SpeechEngineFactory.class).forEach(f -> byId.put(f.id(), f));
        assertTrue(byId.get("piper") instanceof PiperEngineFactory, byId.toString());
        assertTrue(byId.get("kokoro") instanceof KokoroEngineFactory, byId.toString());
        int highestClassic = Math.max(byId.get("espeak").priority(), byId.get("marytts").priority());
        assertTrue(byId.get("piper").priority() > highestClassic);
        assertTrue(byId.get("kokoro").priority() > byId.get("piper").priority());
    }

    private ModelStore store(Path dir, boolean offline) {
        return ModelStore.builder().modelDir(dir).cacheDir(temp.resolve("cache")).offline(offline).build();
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
    }

    @Test
    void piperSpeaksOnlyTheLanguagesWhoseVoiceIsInstalled() throws IOException {
        Path dir = temp.resolve("models");
        assertEquals(Set.of(), PiperEngineFactory.installedLanguages(store(dir, true)));
        touch(dir.resolve("voice/piper/fr_FR-siwis-medium.onnx"));
        assertEquals(Set.of(), PiperEngineFactory.installedLanguages(store(dir, true)), "the config is missing");
        touch(dir.resolve("voice/piper/fr_FR-siwis-medium.onnx.json"));
        assertEquals(Set.of("fr"), PiperEngineFactory.installedLanguages(store(dir, true)));
    }

    @Test
    void kokoroNeedsItsModelAndThenAVoiceItHasOrCanFetch() throws IOException {
        Path dir = temp.resolve("models");
        assertEquals(Set.of(), KokoroFactoryAccess.languages(store(dir, false)), "no model, no Kokoro");
        touch(dir.resolve("voice/kokoro/kokoro-v1.0.onnx"));
        assertEquals(Set.of(), KokoroFactoryAccess.languages(store(dir, true)), "offline and no voice");
        assertTrue(KokoroFactoryAccess.languages(store(dir, false)).containsAll(Set.of("en", "fr", "zh")),
                "voices are pinned, so they can be fetched");
    }
}
