package ai.gaga.testing;

import ai.gaga.models.ModelStore;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixtures shared by every module: the public-domain photos and the ONNX models in {@code ../shared}, found by
 * walking up from the working directory (so tests run the same from the root or a module), or from
 * {@code GAGA_MODEL_DIR} when it is set.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The {@code shared} folder beside the project checkout. */
    public static Path shared() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isRegularFile(candidate.resolve("models/MODELS.md"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find ../shared (with models/MODELS.md) above " + dir);
    }

    /** A fixture photo, e.g. {@code grace_hopper_512x512.jpg} or {@code astronaut.png}. */
    public static Path photo(String name) {
        return shared().resolve("fixtures/photos").resolve(name);
    }

    /** Head-and-shoulders portrait. */
    public static Path graceHopper() {
        return photo("grace_hopper_512x512.jpg");
    }

    /** Half-body portrait. */
    public static Path astronaut() {
        return photo("astronaut.png");
    }

    /** A BGR image of one colour (faceless backgrounds, canvases to paste photos on). */
    public static java.awt.image.BufferedImage solidImage(int width, int height, java.awt.Color color) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    /** The model directory: GAGA_MODEL_DIR if set, else ../shared/models. */
    public static Path modelDir() {
        String env = System.getenv(ModelStore.ENV_MODEL_DIR);
        return env != null && !env.isBlank() ? Path.of(env) : shared().resolve("models");
    }

    /** An offline store over the fixture models (tests never download, except the download tests). */
    public static ModelStore modelStore() {
        return ModelStore.builder().modelDir(modelDir()).offline(true).build();
    }

    /**
     * Runs {@code main}'s {@code main(args)} in a fresh JVM on the test class path (so that it is the first code in
     * its process to touch a native library) and returns its exit code and its output (stdout and stderr), waiting
     * at most two minutes.
     */
    public static FreshJvm runInFreshJvm(Class<?> main, String... args) throws java.io.IOException,
            InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp, main.getName()));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 2 minutes: " + out);
        }
        return new FreshJvm(p.exitValue(), out);
    }

    /** What a fresh JVM did: its exit code and output. */
    public record FreshJvm(int exitCode, String output) {
    }
}
