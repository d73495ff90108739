package ai.gaga.scene;

import ai.gaga.InvalidPhotoException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The cheap checks of a scene's inputs, run before any model loads or engine starts (milliseconds): every photo is a
 * readable file with an image header that gives a size, and the text fits {@link Scene#maxDuration()}
 * ({@link SceneLimits}). Decoding the pixels and finding the face come later; a photo that passes here may still fail
 * there, with the same {@link InvalidPhotoException}. Stateless.
 */
@ai.gaga.Internal
public final class SceneChecks {
    /** Most pixels a photo may claim (as gaga-video's photo loader, which also checks the claim against the bytes). */
    static final long MAX_PIXELS = 200_000_000L;

    private SceneChecks() {
    }

    /**
     * Checks every actor's photo, every line's length (as the script parser bounds it) and the scene's least length.
     *
     * @throws InvalidPhotoException         a photo is missing, unreadable, empty or not an image
     * @throws ai.gaga.SceneTooLongException the text alone cannot fit the scene's limit
     */
    public static void check(Scene scene) {
        for (Actor a : scene.actors()) {
            checkPhoto(a.photo());
        }
        for (Cue c : scene.cues()) {
            if (c instanceof SoundCue sc) {
                sc.file().ifPresent(f -> checkSoundFile(sc, f));
            }
        }
        // The length first: a long text typed as many short lines is joined into one spoken line, and "split it
        // into several lines" was no help to someone who had (the length is what is wrong).
        SceneLimits.check(scene);
        int n = 0;
        for (Line line : scene.lines()) {
            n++;
            if (line.text().length() > ai.gaga.script.ScriptParser.MAX_LINE_CHARS) {
                throw new ai.gaga.InvalidSceneException(String.format(java.util.Locale.ROOT, "Spoken line %d is %,d "
                        + "characters long (lines with no blank line between them are spoken as one); at most %,d "
                        + "are accepted in one: put blank lines between its sentences", n,
                        line.text().length(), ai.gaga.script.ScriptParser.MAX_LINE_CHARS));
            }
        }
    }

    /**
     * A sound cue's file exists and can be read (whether FFmpeg can decode it is learnt when the soundtrack is mixed).
     *
     * @throws ai.gaga.InvalidSceneException naming the cue and the file
     */
    static void checkSoundFile(SoundCue cue, Path file) {
        String what = "The " + cue.kind().tag() + " file " + file;
        if (Files.isDirectory(file)) {
            throw new ai.gaga.InvalidSceneException(what + " is a folder, not a sound file");
        }
        if (!Files.exists(file)) {
            throw new ai.gaga.InvalidSceneException(what + " was not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ai.gaga.InvalidSceneException(what + " cannot be read");
        }
    }

    /**
     * Checks that a photo is a readable, non-empty file whose header an image decoder of this JVM reads.
     *
     * @throws InvalidPhotoException naming the file and what is wrong
     */
    public static void checkPhoto(Path photo) {
        if (Files.isDirectory(photo)) {
            throw new InvalidPhotoException(photo, "is a directory, not an image file");
        }
        if (!Files.exists(photo)) {
            throw new InvalidPhotoException(photo, "file not found");
        }
        if (!Files.isRegularFile(photo)) {
            throw new InvalidPhotoException(photo, "is not a regular file");
        }
        if (!Files.isReadable(photo)) {
            throw new InvalidPhotoException(photo, "cannot be read (permission denied)");
        }
        try (InputStream raw = Files.newInputStream(photo);
             ImageInputStream in = ImageIO.createImageInputStream(raw)) {
            if (Files.size(photo) == 0) {
                throw new InvalidPhotoException(photo, "file is empty (0 bytes)");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidPhotoException(photo, "not an image, or an image format that cannot be read "
                        + "(JPEG, PNG, BMP, GIF, TIFF or WBMP are)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw new InvalidPhotoException(photo, "corrupt image: header gives size " + w + "x" + h);
                }
                if ((long) w * h > MAX_PIXELS) {
                    throw new InvalidPhotoException(photo, "image is too large (" + w + "x" + h + " pixels; at most "
                            + MAX_PIXELS / 1_000_000 + " megapixels are accepted)");
                }
            } finally {
                reader.dispose();
            }
        } catch (NoSuchFileException e) {
            throw new InvalidPhotoException(photo, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new InvalidPhotoException(photo, "cannot be read (permission denied)", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidPhotoException p) {
                throw p;
            }
            throw new InvalidPhotoException(photo, "corrupt or truncated image header: " + e.getMessage(), e);
        }
    }
}
