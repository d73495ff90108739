package ai.gaga.voice.marytts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaryJarsTest {
    private final MaryBundle bundle = MaryBundle.load();

    @Test
    void bundleDescribesTheNestedJars() {
        assertEquals("5.2.1", bundle.version());
        assertEquals(List.of("marytts-runtime-5.2.1-jar-with-dependencies.jar", "marytts-lang-en-5.2.1.jar",
                "voice-cmu-slt-hsmm-5.2.1.jar"), bundle.jars());
        assertEquals("cmu-slt-hsmm", bundle.defaultVoice());
        assertTrue(bundle.complete());
    }

    @Test
    void cacheFolderFollowsXdgCacheHome() {
        String home = System.getProperty("user.home");
        assertEquals(Path.of(home, ".cache", "gaga", "marytts", "5.2.1"), MaryJars.defaultCacheDir(bundle, Map.of()));
        assertEquals(Path.of("/var/cache/me", "gaga", "marytts", "5.2.1"),
                MaryJars.defaultCacheDir(bundle, Map.of("XDG_CACHE_HOME", "/var/cache/me")));
        // The XDG spec says relative paths are invalid and must be ignored.
        assertEquals(Path.of(home, ".cache", "gaga", "marytts", "5.2.1"),
                MaryJars.defaultCacheDir(bundle, Map.of("XDG_CACHE_HOME", "relative/cache")));
    }

    @Test
    void extractsOnceThenReusesAndRepairsATruncatedJar(@TempDir Path dir) throws Exception {
        List<Path> classPath = MaryJars.extract(bundle, dir);

        Path overlay = classPath.get(0);
        assertTrue(Files.isRegularFile(overlay.resolve("org/apache/logging/log4j/util/StackLocator.class")),
                "Java 9 variant of log4j's StackLocator in the overlay");
        assertEquals(bundle.jars().size() + 1, classPath.size());
        for (int i = 0; i < bundle.jars().size(); i++) {
            Path jar = classPath.get(i + 1);
            assertEquals(dir.resolve(bundle.jars().get(i)), jar);
            long expected = bundle.resource(bundle.jars().get(i)).openConnection().getContentLengthLong();
            assertEquals(expected, Files.size(jar), jar.toString());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "temporary files left behind");
        }

        Path voice = dir.resolve("voice-cmu-slt-hsmm-5.2.1.jar");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(voice, old);
        MaryJars.extract(bundle, dir);
        assertEquals(old, Files.getLastModifiedTime(voice), "an intact jar is not rewritten");

        Files.write(voice, new byte[10]);
        MaryJars.extract(bundle, dir);
        assertEquals(bundle.resource("voice-cmu-slt-hsmm-5.2.1.jar").openConnection().getContentLengthLong(),
                Files.size(voice), "a jar of the wrong size is extracted again");
    }
}
