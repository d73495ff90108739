package ai.gaga.onnx;

import ai.gaga.face.FaceModels;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model loads from a thread with a small stack (a web server's or a Spark task's): ONNX Runtime's environment and
 * graph loading recurse deeper than 1 MB, which killed the JVM without a report (seen by the studio and Spark work,
 * found in a core dump; this test exited 139, SIGSEGV, before the fix); sessions are now opened on a loader thread
 * of their own. Runs in a fresh JVM, so that this
 * thread is the first to touch ONNX Runtime.
 */
class SmallStackLoadTest {
    @Test
    void aModelLoadsFromAThreadWithASmallStackInAFreshJvm() throws Exception {
        Path model = Fixtures.modelStore().resolve(FaceModels.BLAZEFACE);
        Fixtures.FreshJvm run = Fixtures.runInFreshJvm(Probe.class, model.toString());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("loaded 1 input"), run.output());
    }

    /** Loads one model from a thread with a 512 KB stack. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            String[] result = new String[1];
            Thread t = new Thread(null, () -> {
                try (OnnxSessions sessions = new OnnxSessions(ExecutionDevice.CPU, 1)) {
                    result[0] = "loaded " + sessions.session(Path.of(args[0])).getNumInputs() + " input";
                }
            }, "small-stack", 512 * 1024);
            t.start();
            t.join();
            System.out.println(result[0]);
        }
    }
}
