package ai.gaga.models;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Finds model files by id, in this order: an explicit path set in code; the model directory ({@code GAGA_MODEL_DIR} or
 * the system property {@code gaga.models}); the user cache ({@code ~/.cache/gaga/models}, or {@code GAGA_CACHE_DIR} /
 * {@code -Dgaga.cache}); then, unless offline, a
 * download from the pinned upstream into the cache, verified by size and SHA-256 and moved into place atomically.
 * Thread-safe.
 */
public final class ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

    /** Environment variable naming the model directory. */
    public static final String ENV_MODEL_DIR = "GAGA_MODEL_DIR";
    /** System property naming the model directory (wins over the environment). */
    public static final String PROP_MODEL_DIR = "gaga.models";
    /** Environment variable / system property {@code gaga.offline}: {@code true} forbids downloads. */
    public static final String ENV_OFFLINE = "GAGA_OFFLINE";
    public static final String PROP_OFFLINE = "gaga.offline";
    /** System property / environment variable overriding the cache directory. */
    public static final String PROP_CACHE_DIR = "gaga.cache";
    public static final String ENV_CACHE_DIR = "GAGA_CACHE_DIR";

    private final Map<String, Path> explicit;
    private final Map<String, ModelSpec> specs;
    private final Path modelDir;
    private final Path cacheDir;
    private final boolean offline;
    private final HttpClient http;
    private final Map<Path, String> verified = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private ModelStore(Builder b) {
        this.explicit = Map.copyOf(b.explicit);
        Map<String, ModelSpec> all = new LinkedHashMap<>();
        ModelCatalog.all().forEach(s -> all.put(s.id(), s));
        all.putAll(b.specs);
        this.specs = Map.copyOf(all);
        this.modelDir = b.modelDir;
        this.cacheDir = b.cacheDir;
        this.offline = b.offline;
        this.http = HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A store configured from the environment: {@code GAGA_MODEL_DIR}/{@code gaga.models}, the cache, offline flag. */
    public static ModelStore standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The model directory in use, if one is configured. */
    public Optional<Path> modelDir() {
        return Optional.ofNullable(modelDir);
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public boolean offline() {
        return offline;
    }

    /** Every id this store knows: files set in code and pinned or unpinned specs, sorted. */
    public java.util.SortedSet<String> ids() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>(specs.keySet());
        out.addAll(explicit.keySet());
        return java.util.Collections.unmodifiableSortedSet(out);
    }

    /** The spec of a known id. */
    public Optional<ModelSpec> spec(String id) {
        return Optional.ofNullable(specs.get(id));
    }

    /**
     * Whether {@link #resolve} would find the model (in an offline store: whether it is already on disk), for plug-ins
     * that only offer what is installed.
     */
    public boolean has(String id) {
        try {
            resolve(id);
            return true;
        } catch (ModelUnavailableException e) {
            return false;
        }
    }

    /**
     * The local file of a model, downloading it if allowed and needed.
     *
     * @throws ModelUnavailableException naming the id, where it looked and how to supply the file
     */
    public Path resolve(String id) {
        List<String> searched = new ArrayList<>();
        Path given = explicit.get(id);
        if (given != null) {
            if (Files.isRegularFile(given)) {
                return given;
            }
            throw new ModelUnavailableException(id, "is not at the path set in code", List.of(given.toString()),
                    "Fix the path passed to ModelStore.Builder.model(\"" + id + "\", path).");
        }
        ModelSpec spec = specs.get(id);
        if (spec == null) {
            throw new ModelUnavailableException(id, "is unknown", List.of("built-in catalog"),
                    "Known ids: " + String.join(", ", specs.keySet())
                            + ". Register other models with ModelStore.Builder.register(spec) or model(id, path).");
        }
        if (modelDir != null) {
            Path p = modelDir.resolve(spec.relativePath());
            searched.add(p.toString());
            if (Files.isRegularFile(p)) {
                verifyOrThrow(spec, p, searched);
                return p;
            }
        } else {
            searched.add(ENV_MODEL_DIR + " / -D" + PROP_MODEL_DIR + " (not set)");
        }
        Path cached = cacheDir.resolve(spec.relativePath());
        searched.add(cached.toString());
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            if (Files.isRegularFile(cached)) {
                Optional<String> problem = check(spec, cached);
                if (problem.isEmpty()) {
                    return cached;
                }
                LOG.warn("Cached model {} is corrupt ({}); fetching it again", cached, problem.get());
                deleteQuietly(cached);
            }
            if (offline) {
                throw new ModelUnavailableException(id, "is not installed and downloads are off (offline mode)",
                        searched, howToSupply(spec));
            }
            if (!spec.pinned()) {
                throw new ModelUnavailableException(id, "is not installed and is never downloaded because no verified"
                        + " SHA-256 is known for it", searched, howToSupply(spec)
                        + (spec.source() == null ? "" : " Upstream: " + spec.source() + "."));
            }
            if (spec.source() == null) {
                throw new ModelUnavailableException(id, "is not installed and has no download location", searched,
                        howToSupply(spec));
            }
            searched.add(spec.source().toString());
            download(spec, cached, searched);
            return cached;
        }
    }

    private void verifyOrThrow(ModelSpec spec, Path p, List<String> searched) {
        check(spec, p).ifPresent(problem -> {
            throw new ModelUnavailableException(spec.id(), "is corrupt at " + p + " (" + problem + ")", searched,
                    "Replace the file with the original (" + spec.size() + " bytes, sha256 " + spec.sha256()
                            + ") or remove it so the cache or a download is used.");
        });
    }

    /** Empty when the file matches the spec; else what differs. Results are remembered per size and mtime. */
    private Optional<String> check(ModelSpec spec, Path p) {
        try {
            long size = Files.size(p);
            String stamp = size + ":" + Files.getLastModifiedTime(p).toMillis();
            if (stamp.equals(verified.get(p)) || !spec.pinned()) {
                return Optional.empty(); // an unpinned file is the user's: nothing to verify it against
            }
            if (size != spec.size()) {
                return Optional.of("size " + size + " bytes, expected " + spec.size());
            }
            String sha = sha256(p);
            if (!sha.equals(spec.sha256())) {
                return Optional.of("sha256 " + sha + ", expected " + spec.sha256());
            }
            verified.put(p, stamp);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("unreadable: " + e.getMessage());
        }
    }

    private void download(ModelSpec spec, Path target, List<String> searched) {
        URI uri = spec.source();
        Path part = null;
        try {
            Files.createDirectories(target.getParent());
            part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            LOG.info("Downloading model {} from {}", spec.id(), uri);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                try (OutputStream out = Files.newOutputStream(part)) {
                    if (spec.archiveEntry() == null) {
                        body.transferTo(out);
                    } else {
                        extractEntry(body, spec.archiveEntry(), out);
                    }
                }
            }
            Optional<String> problem = check(spec, part);
            if (problem.isPresent()) {
                throw new ModelUnavailableException(spec.id(), "failed verification after download from " + uri
                        + " (" + problem.get() + ")", searched, howToSupply(spec));
            }
            moveAtomically(part, target);
            verified.remove(part);
            check(spec, target);
        } catch (IOException e) {
            throw new ModelUnavailableException(spec.id(), "could not be downloaded from " + uri + " ("
                    + downloadProblem(e) + ")", searched, howToSupply(spec), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException(spec.id(), "download was interrupted", searched, howToSupply(spec),
                    e);
        } finally {
            if (part != null) {
                deleteQuietly(part);
            }
        }
    }

    private static void extractEntry(InputStream tgz, String entryName, OutputStream out) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(tgz))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().equals(entryName)) {
                    tar.transferTo(out);
                    return;
                }
            }
        }
        throw new IOException("archive has no entry " + entryName);
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String howToSupply(ModelSpec spec) {
        return "Put the file at <dir>/" + spec.relativePath() + " and set " + ENV_MODEL_DIR + "=<dir> (or -D"
                + PROP_MODEL_DIR + "=<dir>), or copy it to " + cacheDir.resolve(spec.relativePath())
                + (offline ? ", or allow downloads (unset " + ENV_OFFLINE + ")" : "")
                + (spec.pinned() ? ". Expected " + spec.size() + " bytes, sha256 " + spec.sha256() + "." : ".");
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + p, e);
        }
    }

    /** Configures a {@link ModelStore}; every setting defaults to the environment. */
    public static final class Builder {
        private final Map<String, Path> explicit = new LinkedHashMap<>();
        private final Map<String, ModelSpec> specs = new LinkedHashMap<>();
        private Path modelDir = defaultModelDir();
        private Path cacheDir = defaultCacheDir();
        private boolean offline = defaultOffline();
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Use this file for a model id (no verification: it is the caller's file). */
        public Builder model(String id, Path file) {
            explicit.put(id, file);
            return this;
        }

        /** Model directory laid out like shared/models ({@code face/…}); null for none. */
        public Builder modelDir(Path dir) {
            this.modelDir = dir;
            return this;
        }

        public Builder cacheDir(Path dir) {
            this.cacheDir = java.util.Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Forbid downloads. */
        public Builder offline(boolean offline) {
            this.offline = offline;
            return this;
        }

        /** Adds or replaces a pinned model spec (e.g. a voice). */
        public Builder register(ModelSpec spec) {
            specs.put(spec.id(), spec);
            return this;
        }

        /** Connection timeout of downloads. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public ModelStore build() {
            return new ModelStore(this);
        }

        private static Path defaultModelDir() {
            String dir = System.getProperty(PROP_MODEL_DIR);
            if (dir == null || dir.isBlank()) {
                dir = System.getenv(ENV_MODEL_DIR);
            }
            return dir == null || dir.isBlank() ? null : Path.of(dir);
        }

        private static Path defaultCacheDir() {
            String explicitDir = System.getProperty(PROP_CACHE_DIR, System.getenv(ENV_CACHE_DIR));
            if (explicitDir != null && !explicitDir.isBlank()) {
                return Path.of(explicitDir);
            }
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve("gaga").resolve("models");
        }

        private static boolean defaultOffline() {
            String v = System.getProperty(PROP_OFFLINE, System.getenv(ENV_OFFLINE));
            return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
        }
    }

    /** What went wrong with a download, in words (a refused or unresolvable host has no message of its own). */
    static String downloadProblem(IOException e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return "no connection to the server";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "the server did not answer in time";
            }
            if (message == null && t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : e.getClass().getSimpleName();
    }
}
