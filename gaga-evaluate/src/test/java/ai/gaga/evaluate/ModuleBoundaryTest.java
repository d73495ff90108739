package ai.gaga.evaluate;

import ai.gaga.rig.FaceRig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluator ships in its own module: gaga-video's classes and jar hold none of it (it shipped inside gaga-video's
 * jar before, though only tests used it).
 */
class ModuleBoundaryTest {
    @Test
    void theEvaluatorIsNotInGagaVideo() throws Exception {
        Path evaluator = Path.of(ClipEvaluator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path video = Path.of(FaceRig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertNotEquals(video, evaluator);
        assertTrue(evaluator.toString().contains("gaga-evaluate"), evaluator.toString());
        if (Files.isDirectory(video)) {
            assertTrue(Files.notExists(video.resolve("ai/gaga/evaluate")), "no evaluator classes in " + video);
        } else {
            try (JarFile jar = new JarFile(video.toFile())) {
                assertEquals(List.of(), jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith("ai/gaga/evaluate/")).toList());
            }
        }
        // and the jar gaga-video's build wrote, when there is one beside its classes
        Path target = Files.isDirectory(video) ? video.getParent() : null;
        if (target != null) {
            try (Stream<Path> jars = Files.list(target)) {
                for (Path j : jars.filter(p -> p.getFileName().toString().matches("gaga-video-[^-]+(-SNAPSHOT)?\\.jar"))
                        .toList()) {
                    try (JarFile jar = new JarFile(j.toFile())) {
                        assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("ai/gaga/evaluate/")), j + "");
                    }
                }
            }
        }
    }
}
