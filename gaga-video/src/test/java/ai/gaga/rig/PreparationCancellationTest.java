package ai.gaga.rig;

import ai.gaga.RenderCancelledException;
import ai.gaga.face.FaceAnalyzer;
import ai.gaga.face.Images;
import ai.gaga.face.PhotoLoader;
import ai.gaga.face.TestServices;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interrupting the thread that prepares a face (detection, mesh, iris, blendshapes, mask, fit, rig building with its
 * triangulation, plate creation) stops it within a second at any moment: the interrupt lands at a spread of delays
 * across the whole preparation, and each run must end, by {@link RenderCancelledException} unless it had already
 * finished. How it fails: without the checks nothing on this path reads the interrupt flag (ONNX Runtime and the rig
 * code do not), so an interrupt at 0 ms ran the whole preparation (1.4 s here) and no run was cancelled; with them the
 * slowest stop measured was 0.7 s (inside the person segmenter's single ONNX run).
 */
class PreparationCancellationTest {
    @Test
    void anInterruptStopsThePreparationWithinASecondAtAnyStage() throws Exception {
        try (TestServices services = new TestServices()) {
            FaceAnalyzer analyzer = new FaceAnalyzer(services);
            BufferedImage photo = Images.toBgr(PhotoLoader.load(Fixtures.photo("pexels_family_smiles.jpg")));
            Runnable prepare = () -> AnimatedPlate.create(photo, analyzer.analyze(photo), 2.0, FacePerformance.REST);
            prepare.run(); // loads the models once
            long full = Long.MAX_VALUE;
            for (int i = 0; i < 2; i++) { // the quicker of two runs: the interrupts must land inside a preparation
                long t0 = System.nanoTime();
                prepare.run();
                full = Math.min(full, (System.nanoTime() - t0) / 1_000_000);
            }
            List<String> outcomes = new ArrayList<>();
            int cancelled = 0;
            for (int k = 0; k < 8; k++) {
                long delay = full * k / 10;
                AtomicReference<Throwable> error = new AtomicReference<>();
                Thread t = new Thread(() -> {
                    try {
                        prepare.run();
                    } catch (Throwable e) {
                        error.set(e);
                    }
                });
                t.start();
                Thread.sleep(delay);
                long interrupted = System.nanoTime();
                t.interrupt();
                t.join(5000);
                long stop = (System.nanoTime() - interrupted) / 1_000_000;
                assertFalse(t.isAlive(), "still preparing 5 s after the interrupt at " + delay + " ms");
                Throwable e = error.get();
                assertTrue(e == null || e instanceof RenderCancelledException, "failed with " + e);
                cancelled += e != null ? 1 : 0;
                outcomes.add(delay + " ms: " + (e == null ? "done" : "cancelled") + " after " + stop + " ms");
                assertTrue(stop < 1000, "took " + stop + " ms to stop after an interrupt at " + delay + " ms of "
                        + full + ": " + outcomes);
            }
            assertTrue(cancelled >= 5, "only " + cancelled + " of 8 interrupts cancelled: " + outcomes);
            System.out.println("Preparation " + full + " ms; " + outcomes);
        }
    }
}
