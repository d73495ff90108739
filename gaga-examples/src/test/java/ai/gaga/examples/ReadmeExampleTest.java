package ai.gaga.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's API example compiles exactly as shown, with every import visible, against the starter's class path
 * (this module depends on {@code ai.gaga:gaga} alone). Seen failing: the old snippet used {@code ExecutionDevice}
 * without an import and a Timeline-returning {@code plan()}.
 */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theApiExampleCompilesAsShown() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## The API in 20 lines");
        assertTrue(section >= 0, "the README has its API section");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```", start);
        String code = readme.substring(start, end);
        assertTrue(code.contains("gaga.plan(scene)") && code.contains("gaga.render(plan"), code);
        Path source = dir.resolve("Hello.java");
        Files.writeString(source, code);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", dir.toString(), "-cp", classPath, "-Xlint:none",
                source.toString());
        assertEquals(0, rc, errors.toString());
        assertTrue(Files.exists(dir.resolve("Hello.class")));
        assertTrue(classPath.contains("gaga-core") || classPath.contains("gaga-core" + File.separator), classPath);
    }
}
