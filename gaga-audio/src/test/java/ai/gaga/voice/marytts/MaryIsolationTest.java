package ai.gaga.voice.marytts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.common.collect.ImmutableList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MaryTTS must not touch the application around it. The test classpath plays a typical application: SLF4J 2 bound to
 * Logback and Guava 33 (test dependencies of this module).
 */
class MaryIsolationTest {
    /** Every line our Logback configuration (logback-test.xml) writes starts with this. */
    private static final String OUR_LOG_PREFIX = "[gaga-test]";

    @BeforeAll
    static void startMary() {
        MaryTtsEngine.start().close(); // Mary stays loaded in this JVM
    }

    /**
     * A fresh JVM in an empty working directory runs {@link IsolationProbe}: Mary's whole life, from class loading
     * to its JVM shutdown hook, must leave nothing on the console and no file behind.
     */
    @Test
    void maryPrintsNothingAndWritesNoLogFolder(@TempDir Path workDir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                IsolationProbe.class.getName()).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("probe spoke"), output);

        List<String> foreign = Arrays.stream(output.split("\\R")).filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith(OUR_LOG_PREFIX)).toList();
        assertEquals(List.of(), foreign, "lines on stdout/stderr that are not the application's own log");
        try (Stream<Path> files = Files.list(workDir)) {
            assertEquals(List.of(), files.toList(), "MaryTTS wrote into the working directory (./log/server.log?)");
        }
    }

    /**
     * Mary logs an error for words it cannot phonemise (Chinese characters): that error must reach the application's
     * SLF4J as a warning, never Mary's console appender on stdout. Seen failing before MaryLogBridge: the line
     * "[marytts] ERROR marytts.JPhonemiser - Problem with token ..." was printed on stdout.
     */
    @Test
    void maryErrorsGoToTheApplicationsSlf4jAsWarnings(@TempDir Path workDir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                IsolationProbe.class.getName(), "I told her: 我今天很高兴见到你。 Then she left.")
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        assertEquals(0, p.exitValue(), output);
        List<String> foreign = Arrays.stream(output.split("\\R")).filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith(OUR_LOG_PREFIX)).toList();
        assertEquals(List.of(), foreign, "Mary's own console output");
        assertTrue(Arrays.stream(output.split("\\R")).anyMatch(l -> l.contains("WARN") && l.contains("JPhonemiser")
                && l.contains("我今天")), output);
    }

    @Test
    void applicationKeepsItsOwnSlf4jBinding() {
        assertEquals("ch.qos.logback.classic.LoggerContext",
                org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    }

    @Test
    void applicationKeepsItsOwnGuava() {
        Path jar = Path.of(com.google.common.base.Strings.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        assertEquals("guava-33.4.8-jre.jar", jar.getFileName().toString());
        // An API that the Guava 14 inside MaryTTS does not have.
        assertEquals(List.of(1, 2), Stream.of(1, 2).collect(ImmutableList.toImmutableList()));
    }

    @Test
    void maryClassesAreInvisibleToTheApplication() {
        ClassLoader app = MaryIsolationTest.class.getClassLoader();
        for (String name : List.of("marytts.LocalMaryInterface", "org.apache.log4j.Logger",
                "org.apache.logging.log4j.LogManager", "groovy.lang.GroovyObject", "org.slf4j.impl.StaticLoggerBinder",
                "com.ibm.icu.text.Transliterator")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name, false, app), name);
        }
    }

    @Test
    void systemPropertiesAreLeftAsTheyWere() {
        // Mary sets the first while checking its logging (a real log4j 1.x in the application would read it); we set
        // the second to skip its self test. Nothing else in this test JVM sets them.
        assertNull(System.getProperty("log4j.defaultInitOverride"));
        assertNull(System.getProperty("modules.poweronselftest"));
    }
}
