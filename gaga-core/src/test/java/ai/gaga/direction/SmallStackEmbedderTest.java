package ai.gaga.direction;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, Probe.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("embedded 384 dimensions"), out);
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
