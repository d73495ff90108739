package ai.gaga.examples;

import ai.gaga.RenderOptions;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code gaga demo}: renders the bundled example scene (Grace Hopper's portrait, public domain). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Render the bundled demo scene.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, defaultValue = "demo.mp4", paramLabel = "FILE",
            description = "Output MP4 file (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = {"-r", "--resolution"}, defaultValue = "1920x1080", paramLabel = "WxH|vertical|square",
            description = "Frame size (default: ${DEFAULT-VALUE}).")
    String resolution;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Path photo = extract("grace_hopper.jpg");
        return RenderCommand.renderAndReport(engine, scene(photo, Resolution.parse(resolution)), output, quiet,
                RenderOptions.builder());
    }

    /** The demo scene: a screenplay with a turn from joy to defiance (resource demo/scene.fountain). */
    static Scene scene(Path photo, Resolution resolution) {
        return Scene.parse(resource("scene.fountain"), Map.of("GRACE", photo)).toBuilder().resolution(resolution)
                .build();
    }

    static String resource(String name) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Demo resource missing: " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a bundled demo file to a temporary file (photos are read from files). */
    static Path extract(String name) {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Demo resource missing: " + name);
            }
            Path file = Files.createTempFile("gaga-demo-", "-" + name);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
