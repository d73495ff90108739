package ai.gaga.voice.marytts;

import ai.gaga.scene.Voice;
import ai.gaga.voice.SpeechRequest;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaryTtsEngineLifecycleTest {
    @Test
    void closedEngineRefusesWorkAndTheNextOneStartsAtOnce() {
        MaryTtsEngine first = MaryTtsEngine.start();
        assertTrue(first.synthesize(SpeechRequest.of("One more time.", Voice.DEFAULT)).durationSeconds() > 0.5);
        first.close();
        first.close(); // idempotent
        assertThrows(IllegalStateException.class,
                () -> first.synthesize(SpeechRequest.of("Too late.", Voice.DEFAULT)));

        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        for (int i = 0; i < 3; i++) {
            try (MaryTtsEngine next = MaryTtsEngine.start()) {
                assertTrue(next.startupMillis() < 500, "MaryTTS started again: " + next.startupMillis() + " ms");
                assertTrue(next.synthesize(SpeechRequest.of("Again.", Voice.DEFAULT)).durationSeconds() > 0.3);
            }
        }
        long loaded = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes;
        // A second MaryTTS would load thousands of classes (and keep them: Mary cannot be unloaded).
        assertTrue(loaded < 300, loaded + " classes loaded by three more engines");
    }
}
