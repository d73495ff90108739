package ai.gaga;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With gaga-core alone on the class path (as in this module's tests), creating an engine fails at once and names what
 * is missing. Seen failing before the check: Gaga.create() succeeded and the render failed later, after the photos
 * were analysed, naming one module at a time.
 */
class MissingModulesTest {
    @Test
    void createFailsAtOnceNamingTheMissingModules() {
        long t0 = System.nanoTime();
        GagaException e = assertThrows(GagaException.class, Gaga::create);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String m = e.getMessage();
        assertTrue(m.contains("gaga-video") && m.contains("gaga-audio"), m);
        assertTrue(m.contains("performer") && m.contains("speech engine") && m.contains("sound designer")
                && m.contains("video encoder"), m);
        assertTrue(m.contains("ai.gaga:gaga"), "names the one dependency that brings them all: " + m);
        assertTrue(ms < 1000, "took " + ms + " ms");
    }
}
