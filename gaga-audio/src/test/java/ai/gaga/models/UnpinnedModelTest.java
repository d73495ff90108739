package ai.gaga.models;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Voices without a verified hash: used when the user supplies them, never downloaded. */
class UnpinnedModelTest {
    @TempDir
    Path temp;

    @Test
    void anUnpinnedModelIsNeverDownloadedEvenOnline() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, 3);
            exchange.getResponseBody().write(new byte[] {1, 2, 3});
            exchange.close();
        });
        server.start();
        try {
            URI source = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/voice.onnx");
            ModelStore store = ModelStore.builder().modelDir(null).cacheDir(temp.resolve("cache")).offline(false)
                    .register(ModelSpec.unpinned("voice/test", "voice/test.onnx", source, "MIT")).build();
            ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                    () -> store.resolve("voice/test"));
            assertTrue(e.getMessage().contains("no verified SHA-256"), e.getMessage());
            assertTrue(e.getMessage().contains("voice/test.onnx"), e.getMessage());
            assertEquals(0, requests.get(), "an unverifiable file must not be fetched");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnpinnedModelInTheModelDirectoryIsUsedAsItIs() throws IOException {
        Path dir = temp.resolve("models");
        Path file = dir.resolve("voice/piper/en_US-ljspeech-medium.onnx");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {42});
        ModelStore store = ModelStore.builder().modelDir(dir).cacheDir(temp.resolve("cache")).offline(true).build();
        assertEquals(file, store.resolve(ai.gaga.voice.onnx.VoiceModels.PIPER_PREFIX + "en_US-ljspeech-medium"));
        assertThrows(ModelUnavailableException.class,
                () -> store.resolve(ai.gaga.voice.onnx.VoiceModels.PIPER_PREFIX + "en_US-ljspeech-medium.json"));
    }

    @Test
    void theCatalogKnowsPiperAndKokoroVoices() {
        ModelStore store = ModelStore.builder().modelDir(null).cacheDir(temp).offline(true).build();
        for (String voice : new String[] {"en_US-ljspeech-medium", "fr_FR-siwis-medium", "zh_CN-huayan-medium",
                "de_DE-thorsten-medium"}) {
            ModelSpec model = store.spec(ai.gaga.voice.onnx.VoiceModels.PIPER_PREFIX + voice).orElseThrow();
            ModelSpec config = store.spec(ai.gaga.voice.onnx.VoiceModels.PIPER_PREFIX + voice + ".json").orElseThrow();
            assertFalse(model.pinned(), "no verified hash is known for " + voice);
            assertTrue(model.source().toString().endsWith("/" + voice + ".onnx"), model.source().toString());
            assertTrue(config.relativePath().endsWith(voice + ".onnx.json"));
        }
        ModelSpec heart = store.spec(ai.gaga.voice.onnx.VoiceModels.KOKORO_VOICE_PREFIX + "af_heart").orElseThrow();
        assertTrue(heart.pinned());
        assertEquals(510L * 256 * 4, heart.size());
        assertEquals("package/voices/af_heart.bin", heart.archiveEntry());
        assertFalse(store.spec(ai.gaga.voice.onnx.VoiceModels.KOKORO_MODEL).orElseThrow().pinned());
        assertTrue(store.ids().contains(ai.gaga.voice.onnx.VoiceModels.KOKORO_VOICE_PREFIX + "ff_siwis"));
        // Voices are not among the shared face models that other tests check file by file.
        assertTrue(new ai.gaga.voice.onnx.VoiceModels().models().stream().allMatch(s -> s.id().startsWith("voice/")
                && ModelCatalog.find(s.id()).isPresent()), "the voices are listed by gaga-audio alone");
    }

    @Test
    void aPinnedSpecStillNeedsItsHashAndSize() {
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec("x", "x.onnx", ModelSpec.UNKNOWN_SIZE,
                "0".repeat(64), null, null, "MIT"));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec("x", "x.onnx", 10, "nothex", null, null,
                "MIT"));
    }
}
