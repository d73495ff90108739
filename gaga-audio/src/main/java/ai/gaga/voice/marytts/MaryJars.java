package ai.gaga.voice.marytts;

import ai.gaga.GagaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Puts the nested MaryTTS jars into a cache folder once, so that a class loader can open them as files.
 *
 * <p>Default folder: {@code $XDG_CACHE_HOME/gaga/marytts/<version>/}, else {@code ~/.cache/gaga/marytts/<version>/};
 * {@code java.io.tmpdir} when that is not writable. Every file is written to a temporary name and then moved into place
 * atomically, so a concurrent JVM never sees half a jar; a file already there with the expected size is kept.
 *
 * <p>Besides the jars, the folder gets an <em>overlay</em> directory that goes first on Mary's class path: the Java 9+
 * variants of classes that the fat runtime jar carries under {@code META-INF/versions/} but cannot use, because its
 * manifest lacks {@code Multi-Release: true}. Without them log4j 2's Java 8 {@code StackLocator} prints a warning to
 * {@code System.out} on start, and picks the wrong logger context (so Mary's log file appears after all).
 */
final class MaryJars {
    private static final Logger LOG = LoggerFactory.getLogger(MaryJars.class);
    private static final String VERSIONS = "META-INF/versions/";
    private static final String OVERLAY_DONE = ".complete";
    /** One JVM extracts at a time; other JVMs are handled by the atomic moves. */
    private static final Object LOCK = new Object();

    private MaryJars() {
    }

    /** The default cache folder for this bundle, honouring {@code XDG_CACHE_HOME}. */
    static Path defaultCacheDir(MaryBundle bundle, Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gaga").resolve("marytts").resolve(bundle.version());
    }

    /**
     * Extracts into the default cache folder (falling back to the temp folder) and returns Mary's class path:
     * the overlay directory first, then the jars.
     */
    static List<Path> extract(MaryBundle bundle) {
        Path primary = defaultCacheDir(bundle, System.getenv());
        try {
            return extract(bundle, primary);
        } catch (UncheckedIOException e) {
            Path fallback = Path.of(System.getProperty("java.io.tmpdir"),
                    "gaga-" + System.getProperty("user.name", "user"), "marytts", bundle.version());
            LOG.warn("Cannot use {} for MaryTTS ({}); using {}", primary, e.getCause().toString(), fallback);
            return extract(bundle, fallback);
        }
    }

    /** Extracts into {@code dir}; returns the overlay directory followed by the jars. */
    static List<Path> extract(MaryBundle bundle, Path dir) {
        synchronized (LOCK) {
            try {
                Files.createDirectories(dir);
                List<Path> jars = new ArrayList<>();
                boolean changed = false;
                for (String name : bundle.jars()) {
                    URL url = bundle.resource(name);
                    if (url == null) {
                        throw new GagaException("gaga-audio is incomplete: MaryTTS jar " + name
                                + " is not inside it (rebuild gaga-audio with Maven)");
                    }
                    Path target = dir.resolve(name);
                    changed |= copyIfNeeded(url, target);
                    jars.add(target);
                }
                Path overlay = dir.resolve("overlay-java" + Runtime.version().feature());
                buildOverlay(jars.get(0), overlay, changed);
                List<Path> classPath = new ArrayList<>();
                classPath.add(overlay);
                classPath.addAll(jars);
                return List.copyOf(classPath);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot extract MaryTTS into " + dir, e);
            }
        }
    }

    /** Copies unless a file of the same size is there already; returns whether it wrote. */
    private static boolean copyIfNeeded(URL url, Path target) throws IOException {
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
            return false;
        }
        long t0 = System.nanoTime();
        try (InputStream in = connection.getInputStream()) {
            writeAtomically(in, target);
        }
        LOG.info("Extracted {} ({} MB) in {} ms", target, Files.size(target) / 1_000_000,
                (System.nanoTime() - t0) / 1_000_000);
        return true;
    }

    /**
     * Writes the Java 9..N class variants of a jar's {@code META-INF/versions/} at their plain paths (the newest
     * variant not newer than this JVM wins).
     */
    private static void buildOverlay(Path runtimeJar, Path overlay, boolean runtimeChanged) throws IOException {
        Path done = overlay.resolve(OVERLAY_DONE);
        if (!runtimeChanged && Files.isRegularFile(done)) {
            return;
        }
        int feature = Runtime.version().feature();
        Map<String, JarEntry> chosen = new TreeMap<>();
        Map<String, Integer> chosenVersion = new TreeMap<>();
        try (JarFile jar = new JarFile(runtimeJar.toFile(), false)) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(VERSIONS) || !name.endsWith(".class")) {
                    continue;
                }
                String rest = name.substring(VERSIONS.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                int version;
                try {
                    version = Integer.parseInt(rest.substring(0, slash));
                } catch (NumberFormatException notAVersion) {
                    continue;
                }
                String path = rest.substring(slash + 1);
                if (version > feature || path.equals("module-info.class")
                        || chosenVersion.getOrDefault(path, 0) > version) {
                    continue;
                }
                chosen.put(path, entry);
                chosenVersion.put(path, version);
            }
            for (Map.Entry<String, JarEntry> c : chosen.entrySet()) {
                Path target = overlay.resolve(c.getKey());
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(c.getValue())) {
                    writeAtomically(in, target);
                }
            }
        }
        Files.createDirectories(overlay);
        writeAtomically(InputStream.nullInputStream(), done);
        LOG.debug("MaryTTS overlay {}: {} multi-release classes", overlay, chosen.size());
    }

    private static void writeAtomically(InputStream in, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
