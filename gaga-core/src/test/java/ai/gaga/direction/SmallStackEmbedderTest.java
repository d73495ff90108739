package ai.gaga.direction;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The script's emotion model (a sentence embedder, loaded from the class path) loads and runs on a thread with a small
 * stack, the first in a fresh JVM to touch ONNX Runtime: its session was created on the caller's thread, and ONNX
 * Runtime's environment and graph loading overflowed a 512 KB stack (the probe below exited 139, SIGSEGV, before it
 * went through the loader thread; it passed at 640 KB). A studio request's or a Spark task's thread directs scripts.
 */
class SmallStackEmbedderTest {
    @Test
    void theEmotionModelLoadsFromAThreadWithASmallStackInAFreshJvm() throws Exception {
        ai.gaga.testing.Fixtures.FreshJvm run = ai.gaga.testing.Fixtures.runInFreshJvm(Probe.class);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("embedded 384 dimensions"), run.output());
    }

    /** Loads the English embedder and embeds one sentence from a thread with a 512 KB stack. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            String[] result = new String[1];
            Thread t = new Thread(null, () -> {
                result[0] = "embedded " + SentenceEmbedder.load().embed("I am so happy to see you.").length
                        + " dimensions";
            }, "small-stack", 512 * 1024);
            t.start();
            t.join();
            System.out.println(result[0]);
        }
    }
}
