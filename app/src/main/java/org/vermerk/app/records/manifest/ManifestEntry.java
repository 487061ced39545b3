package org.vermerk.app.records.manifest;

import static java.util.Objects.requireNonNull;

import org.vermerk.app.records.Sha256;

/**
 * One file of an export package.
 *
 * @param name the ZIP entry name
 * @param size its length in bytes
 * @param sha256 the SHA-256 of its bytes
 */
public record ManifestEntry(String name, long size, Sha256 sha256) {
    public ManifestEntry {
        requireNonNull(name, "name");
        requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
