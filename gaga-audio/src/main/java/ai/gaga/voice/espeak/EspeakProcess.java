package ai.gaga.voice.espeak;

import ai.gaga.GagaException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the espeak-ng binary once. espeak-ng is GPL, so it is only ever run as a separate process, never linked. The text
 * goes through stdin (never the command line, no shell), so no user text can become an option or a shell word.
 */
final class EspeakProcess {
    /** Hint in every error about a missing binary. */
    static final String INSTALL_HINT = "install espeak-ng (Debian/Ubuntu: apt-get install espeak-ng; macOS: brew install "
            + "espeak-ng) or set the system property gaga.espeak.binary to its path";

    private static final long TIMEOUT_SECONDS = 60;

    private EspeakProcess() {
    }

    /** The binary: the {@code gaga.espeak.binary} property, else the first {@code espeak-ng} on the PATH. */
    static Path binary() {
        String configured = System.getProperty("gaga.espeak.binary");
        if (configured != null) {
            return Path.of(configured);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/usr/local/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "espeak-ng");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Path.of("espeak-ng");
    }

    /** Whether the binary exists and is executable. */
    static boolean available(Path binary) {
        return Files.isExecutable(binary);
    }

    /**
     * Runs espeak-ng with the given options, writes {@code stdin} to it and returns its whole stdout.
     *
     * @throws GagaException when the binary is missing, fails or runs past the timeout
     */
    static byte[] run(Path binary, List<String> options, String stdin) {
        if (!available(binary)) {
            throw new GagaException("espeak-ng not found at " + binary + ": " + INSTALL_HINT);
        }
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("-b");
        command.add("1"); // stdin is UTF-8
        command.addAll(options);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new GagaException("Could not start espeak-ng (" + binary + "): " + INSTALL_HINT, e);
        }
        try {
            // Both pipes are drained concurrently with the stdin write: a long text could otherwise fill a pipe and
            // deadlock us against the child.
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
                in.write('\n');
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new GagaException("espeak-ng ran past " + TIMEOUT_SECONDS + " s on a line of " + stdin.length()
                        + " characters; split long lines");
            }
            byte[] result = out.get(5, TimeUnit.SECONDS);
            String errors = new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new GagaException("espeak-ng failed (exit " + process.exitValue() + ") with options " + options
                        + ": " + errors);
            }
            return result;
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new GagaException("espeak-ng failed with options " + options + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GagaException("Interrupted while espeak-ng was speaking", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Runs espeak-ng with one option and no text (e.g. {@code --voices}). */
    static byte[] runNoInput(Path binary, String option) {
        try {
            Process process = new ProcessBuilder(binary.toString(), option).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new GagaException("espeak-ng " + option + " did not finish");
            }
            return out;
        } catch (IOException e) {
            throw new GagaException("Could not run espeak-ng (" + binary + "): " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GagaException("Interrupted while running espeak-ng", e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
