package ai.gaga.onnx;

import ai.gaga.GagaException;
import ai.gaga.testing.Fixtures;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxSessionsTest {
    @Test
    void autoFallsBackToCpuAndCachesSessions() throws Exception {
        Path model = Fixtures.modelStore().resolve(ai.gaga.face.FaceModels.BLAZEFACE);
        try (OnnxSessions sessions = new OnnxSessions(ExecutionDevice.AUTO, 2)) {
            OrtSession s = sessions.session(model);
            assertSame(s, sessions.session(model));
            assertEquals(4, s.getOutputNames().size());
            assertTrue(s.getInputNames().contains("input:0"));
            // this machine has no GPU: AUTO must have fallen back (on a CUDA box it may use it)
            if (!Files.exists(Path.of("/dev/nvidia0"))) {
                assertFalse(sessions.usesCuda());
            }
        }
    }

    @Test
    void cudaRequiredWithoutCudaIsAClearError() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/dev/nvidia0")), "machine has a GPU");
        Path model = Fixtures.modelStore().resolve(ai.gaga.face.FaceModels.BLAZEFACE);
        try (OnnxSessions sessions = new OnnxSessions(ExecutionDevice.CUDA, 1)) {
            GagaException e = assertThrows(GagaException.class, () -> sessions.session(model));
            assertTrue(e.getMessage().contains("CUDA was required"), e.getMessage());
        }
    }

    @Test
    void corruptModelFileIsAClearError(@TempDir Path temp) throws Exception {
        Path bad = Files.write(temp.resolve("bad.onnx"), new byte[] {1, 2, 3, 4, 5});
        try (OnnxSessions sessions = new OnnxSessions(ExecutionDevice.CPU, 1)) {
            GagaException e = assertThrows(GagaException.class, () -> sessions.session(bad));
            assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        }
    }
}
