package ai.gaga.models;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A pinned model file: where it lives inside a model directory, its exact size and SHA-256, and where to download it.
 *
 * @param id           stable id, e.g. {@code face-detect/blazeface-front-128}
 * @param relativePath path inside a model directory, e.g. {@code face/blazeface_front_128.onnx}
 * @param size         exact size in bytes
 * @param sha256       lower-case hex SHA-256 of the file
 * @param source       pinned download location (a file, or a {@code .tgz} archive when {@code archiveEntry} is set)
 * @param archiveEntry entry inside the archive, or null when {@code source} is the file itself
 * @param licence      SPDX licence id
 */
public record ModelSpec(String id, String relativePath, long size, String sha256, URI source, String archiveEntry,
                        String licence) {
    public ModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(licence, "licence");
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive for " + id);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits for " + id);
        }
        if (relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("relativePath must stay inside the model directory: " + relativePath);
        }
    }

    public Optional<URI> downloadUri() {
        return Optional.ofNullable(source);
    }

    public Optional<String> archiveEntryName() {
        return Optional.ofNullable(archiveEntry);
    }
}
