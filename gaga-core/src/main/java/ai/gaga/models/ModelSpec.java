package ai.gaga.models;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A pinned model file: where it lives inside a model directory, its exact size and SHA-256, and where to download it.
 *
 * @param id           stable id, e.g. {@code face-detect/blazeface-front-128}
 * @param relativePath path inside a model directory, e.g. {@code face/blazeface_front_128.onnx}
 * @param size         exact size in bytes, or {@link #UNKNOWN_SIZE} when the file is not pinned
 * @param sha256       lower-case hex SHA-256 of the file, or null when no verified hash is known: such a file is never
 *                     downloaded (it cannot be verified); the user supplies it through the model directory
 * @param source       pinned download location (a file, or a {@code .tgz} archive when {@code archiveEntry} is set)
 * @param archiveEntry entry inside the archive, or null when {@code source} is the file itself
 * @param licence      SPDX licence id
 */
public record ModelSpec(String id, String relativePath, long size, String sha256, URI source, String archiveEntry,
                        String licence) {
    /** Size of a file whose exact bytes are not pinned. */
    public static final long UNKNOWN_SIZE = -1;

    public ModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(licence, "licence");
        if (sha256 == null) {
            if (size != UNKNOWN_SIZE && size <= 0) {
                throw new IllegalArgumentException("size must be positive or UNKNOWN_SIZE for " + id);
            }
        } else if (size <= 0) {
            throw new IllegalArgumentException("size must be positive for " + id);
        }
        if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits for " + id);
        }
        if (relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("relativePath must stay inside the model directory: " + relativePath);
        }
    }

    /**
     * A spec for a file GAGA knows by id and upstream location but cannot verify (no trusted SHA-256 was found): it is
     * used when the user puts it in the model directory or cache, and never downloaded.
     */
    public static ModelSpec unpinned(String id, String relativePath, URI source, String licence) {
        return new ModelSpec(id, relativePath, UNKNOWN_SIZE, null, source, null, licence);
    }

    /** Whether size and SHA-256 are known, so that the file can be verified and downloaded. */
    public boolean pinned() {
        return sha256 != null;
    }

    public Optional<URI> downloadUri() {
        return Optional.ofNullable(source);
    }

    public Optional<String> archiveEntryName() {
        return Optional.ofNullable(archiveEntry);
    }
}
