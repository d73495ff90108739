package ai.gaga.examples;

import ai.gaga.InvalidSceneException;
import ai.gaga.OutputException;
import ai.gaga.scene.Scene;
import ai.gaga.scene.SceneChecks;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The checks the CLI makes before it starts the engine (which loads models and voices for seconds): the script
 * argument, the photos, the scene's length and the output folder. Each fails with the error the render would give.
 */
final class InputChecks {
    /** One token without spaces that ends like a script file or contains a folder separator. */
    private static final Pattern PATH_LIKE = Pattern.compile("\\S*(/|\\\\)\\S*|\\S+\\.(fountain|txt|md|spmd)",
            Pattern.CASE_INSENSITIVE);

    private InputChecks() {
    }

    /**
     * The script file that {@code argument} names, or null when the argument is the text to speak. An argument that
     * looks like a path (one token, ending in .fountain/.txt/.md or containing a slash) but names no file is an
     * error: speaking "scenes/scene.fountain" aloud is never what a typo meant.
     *
     * @throws InvalidSceneException naming the path
     */
    static Path scriptFile(String argument) {
        String a = argument.strip();
        Path p;
        try {
            p = Path.of(a);
        } catch (InvalidPathException e) {
            return null; // not a path: it is the text itself
        }
        if (Files.isRegularFile(p)) {
            return p;
        }
        if (!PATH_LIKE.matcher(a).matches()) {
            return null;
        }
        if (Files.isDirectory(p)) {
            throw new InvalidSceneException("Script " + a + " is a directory; give a script file such as "
                    + "scene.fountain, or the text to speak in quotes");
        }
        Path folder = p.toAbsolutePath().getParent();
        String hint = folder != null && !Files.isDirectory(folder) ? ": the folder " + folder + " does not exist"
                : "";
        throw new InvalidSceneException("Script file " + a + " not found" + hint + ". To speak a text that looks "
                + "like a file name, put a space in it.");
    }

    /** Photos readable with an image header, and a text that fits {@code --max-duration}. */
    static void photosAndLength(Scene scene) {
        SceneChecks.check(scene);
    }

    /** The output is not the script file {@code script} (null when the script was given as text). */
    static void notTheScript(Path output, Path script) {
        if (script == null) {
            return;
        }
        Path out = output.toAbsolutePath().normalize();
        boolean same = out.equals(script.toAbsolutePath().normalize());
        try {
            same |= Files.exists(out) && Files.isSameFile(out, script);
        } catch (java.io.IOException | SecurityException e) {
            // unreadable: the render will say so
        }
        if (same) {
            throw new OutputException(out, "is the script file: the clip would replace it; give another output "
                    + "file such as clip.mp4");
        }
    }

    /** The output's folder exists and the output is not a folder. */
    static void output(Path output) {
        Path out = output.toAbsolutePath().normalize();
        Path dir = out.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputException(out, dir != null && Files.exists(dir)
                    ? dir + " is a file, not a folder; the output goes into a folder"
                    : "the folder " + dir + " does not exist; create it first");
        }
        if (Files.isDirectory(out)) {
            throw new OutputException(out, "is a directory; give a file name such as clip.mp4");
        }
        if (!Files.isWritable(dir)) {
            throw new OutputException(out, "cannot write in " + dir + "; choose a writable folder");
        }
    }
}
