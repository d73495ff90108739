package ai.gaga.examples;

import ai.gaga.Gaga;
import ai.gaga.OutputException;
import ai.gaga.RenderOptions;
import ai.gaga.RenderPlan;
import ai.gaga.scene.Resolution;
import ai.gaga.scene.Scene;
import ai.gaga.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a render may and may not do to the output path: a full disk is an {@link OutputException} naming the path and
 * the cause (it was reported as a cancel, exit 130, before: RenderRun counted a still-running drawing thread as a
 * cancellation); a device, pipe or folder at the output path is refused and left as it was (a FIFO was replaced by a
 * regular file before); temporary files of killed renders are cleaned by the next render to the same path.
 */
class OutputSafetyTest {
    static Gaga gaga;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        gaga = Gaga.builder().models(Fixtures.modelStore()).speech(new CountingEngine(false)).build();
    }

    @AfterAll
    static void stop() {
        gaga.close();
    }

    private static Scene scene(Resolution resolution) {
        return Scene.builder().actor("grace", Fixtures.graceHopper())
                .says("A line long enough to make a few megabytes of video at full size, surely enough.")
                .resolution(resolution).build();
    }

    @Test
    void aFullDiskIsAnOutputErrorNamingTheCauseAndLeavesNothing() throws Exception {
        Path tiny = dir.resolve("tiny");
        Files.createDirectory(tiny);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", tiny.toString()) == 0,
                "needs root to mount a 512 KB tmpfs (CI runs as root)");
        try {
            RenderPlan plan = gaga.plan(scene(Resolution.FULL_HD));
            Path out = tiny.resolve("clip.mp4");
            OutputException e = assertThrows(OutputException.class,
                    () -> gaga.render(plan, out, RenderOptions.DEFAULT));
            assertEquals(out, e.output());
            assertTrue(e.getMessage().toLowerCase().contains("no space left"), e.getMessage());
            try (Stream<Path> left = Files.list(tiny)) {
                assertEquals(List.of(), left.toList(), "nothing half-written is left");
            }
        } finally {
            run("umount", tiny.toString());
        }
    }

    @Test
    void aPipeAtTheOutputPathIsRefusedAndKept() throws Exception {
        Path fifo = dir.resolve("clip.mp4");
        assumeTrue(run("mkfifo", fifo.toString()) == 0, "mkfifo is missing");
        long t0 = System.nanoTime();
        OutputException e = assertThrows(OutputException.class,
                () -> gaga.render(scene(new Resolution(320, 240)), fifo));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "refused before any work");
        assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(fifo), "the pipe is kept");
    }

    @Test
    void aDeviceAtTheOutputPathIsRefusedAndKept() throws Exception {
        Path device = dir.resolve("null.mp4");
        assumeTrue(run("mknod", device.toString(), "c", "1", "3") == 0, "needs root to make a device node");
        OutputException e = assertThrows(OutputException.class,
                () -> gaga.render(scene(new Resolution(320, 240)), device));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertFalse(Files.isRegularFile(device, LinkOption.NOFOLLOW_LINKS), "the device node is kept");
    }

    @Test
    void staleTemporaryFilesOfKilledRendersAreRemovedAndFreshOnesKept() throws Exception {
        Path out = dir.resolve("clip.mp4");
        Path stale = dir.resolve(".clip.mp4.5f3a9c2e1b.part");
        Path staleSide = dir.resolve(".clip.srt.1b2c3d.part");
        Path fresh = dir.resolve(".clip.mp4.77aa.part"); // another render may be writing it right now
        Path unrelated = dir.resolve(".clipper.mp4.abc.part.keep");
        for (Path p : List.of(stale, staleSide, fresh, unrelated)) {
            Files.writeString(p, "partial");
        }
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofMinutes(11)));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(staleSide, old);
        Files.setLastModifiedTime(unrelated, old);
        gaga.render(scene(new Resolution(320, 240)), out);
        assertTrue(Files.isRegularFile(out));
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(staleSide));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(unrelated));
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
