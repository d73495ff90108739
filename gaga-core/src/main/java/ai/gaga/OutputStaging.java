package ai.gaga;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files of one render, written under temporary names beside their final paths ({@code .NAME.<random>.part}) and
 * moved into place together only when everything is complete: the output path only ever holds a finished clip. Only
 * regular files are ever replaced (never a device, pipe, socket or folder). Temporary files of killed renders to the
 * same output, older than {@link #STALE}, are removed. Not thread-safe: one render's thread uses it.
 */
final class OutputStaging implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutputStaging.class);
    /** A temporary file this old beside the output belongs to a render that was killed. */
    static final Duration STALE = Duration.ofMinutes(10);

    private final Path output;
    private final String base;
    /** Temporary path → final path, the clip first. */
    private final Map<Path, Path> files = new LinkedHashMap<>();
    private boolean committed;

    private OutputStaging(Path output) {
        this.output = output;
        String name = output.getFileName().toString();
        this.base = name.toLowerCase(Locale.ROOT).endsWith(".mp4") ? name.substring(0, name.length() - 4) : name;
    }

    /**
     * Checks that {@code output} can be written (its folder exists; it is absent or a regular file), before any slow
     * work, and cleans stale temporary files beside it.
     *
     * @throws OutputException naming the path and the problem
     */
    static OutputStaging check(Path output) {
        Path out = output.toAbsolutePath().normalize();
        Path dir = out.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputException(out, dir != null && Files.exists(dir)
                    ? dir + " is a file, not a folder; the output goes into a folder"
                    : "the folder " + dir + " does not exist; create it first");
        }
        requireReplaceable(out);
        if (!Files.isWritable(dir)) {
            throw new OutputException(out, "the directory " + dir + " is not writable; choose a writable directory");
        }
        OutputStaging staging = new OutputStaging(out);
        staging.removeStale();
        return staging;
    }

    /**
     * Refuses an output that is one of the render's own inputs ({@code inputs}: file → what it is, e.g. "the photo of
     * MAYA"): the finished clip would replace the user's photo or recording.
     *
     * @throws OutputException naming the output and the input it would replace
     */
    static void requireNotAnInput(Path output, Map<Path, String> inputs) {
        Path out = output.toAbsolutePath().normalize();
        for (Map.Entry<Path, String> in : inputs.entrySet()) {
            Path file = in.getKey().toAbsolutePath().normalize();
            boolean same = file.equals(out);
            if (!same && Files.exists(out) && Files.exists(file)) {
                try {
                    same = Files.isSameFile(out, file);
                } catch (IOException | SecurityException e) {
                    same = false;
                }
            }
            if (same) {
                throw new OutputException(out, "is " + in.getValue() + ": the clip would replace it; give another "
                        + "output file such as clip.mp4");
            }
        }
    }

    /** The path the clip goes to. */
    Path output() {
        return output;
    }

    /** A new temporary file for the clip. */
    Path clip() {
        return stage(output);
    }

    /** A new temporary file for the side file {@code suffix} (e.g. {@code .srt}: {@code clip.srt}). */
    Path side(String suffix) {
        return stage(output.resolveSibling(base + suffix));
    }

    private Path stage(Path target) {
        requireReplaceable(target);
        Path dir = target.getParent();
        try {
            // createFile (not createTempFile) so the finished file gets the usual permissions (umask), not 0600
            for (int attempt = 0; ; attempt++) {
                Path temp = dir.resolve("." + target.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".part");
                try {
                    Files.createFile(temp);
                    files.put(temp, target);
                    return temp;
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            throw new OutputException(target, "cannot write in " + dir + " (" + describe(e)
                    + "); choose a writable folder", e);
        }
    }

    /** Moves every staged file into place, the side files first and the clip last; returns the side files. */
    List<Path> commit() {
        List<Path> sides = new ArrayList<>();
        Map.Entry<Path, Path> clip = null;
        for (Map.Entry<Path, Path> f : files.entrySet()) {
            if (f.getValue().equals(output)) {
                clip = f;
                continue;
            }
            move(f.getKey(), f.getValue());
            sides.add(f.getValue());
        }
        if (clip != null) {
            move(clip.getKey(), clip.getValue());
        }
        committed = true;
        return sides;
    }

    /** Deletes whatever was staged and not committed. */
    @Override
    public void close() {
        if (!committed) {
            files.keySet().forEach(OutputStaging::deleteQuietly);
        }
    }

    /** A failure to write, in the user's words: a full disk and a quota say so. */
    static String describe(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left") || m.contains("ENOSPC")) {
            return "no space left on the device";
        }
        if (m.contains("quota") || m.contains("EDQUOT")) {
            return "disk quota exceeded";
        }
        return e.toString();
    }

    private static String describe(Exception e) {
        return e instanceof IOException io ? describe(io) : e.toString();
    }

    private static void requireReplaceable(Path target) {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException(target, "is a directory; give a file name such as clip.mp4");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target)) {
            throw new OutputException(target, "exists and is not a regular file (a device, pipe, socket or a link "
                    + "to one); GAGA only ever replaces regular files: choose another output path");
        }
    }

    private static void move(Path temp, Path target) {
        requireReplaceable(target); // it may have changed while the clip was rendering
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OutputException(target, "cannot move the finished file into place: " + describe(e), e);
        }
    }

    /** Removes {@code .NAME.*.part} files of this output's clip and side files older than {@link #STALE}. */
    private void removeStale() {
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(output.getParent(), "." + glob(base) + "*.part")) {
            for (Path p : parts) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(before) && isOurs(p)) {
                    Files.deleteIfExists(p);
                    LOG.info("Removed {} left by an earlier render that did not finish", p);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot look for stale temporary files beside {}: {}", output, e.toString());
        }
    }

    /** Whether a {@code .part} file has the shape this class gives them: {@code .NAME.<hex>.part}. */
    private boolean isOurs(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("." + base) && n.matches("\\..+\\.[0-9a-f]{1,16}\\.part");
    }

    private static String glob(String s) {
        return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Cannot delete temporary file {}: {}", p, e.toString());
        }
    }
}
