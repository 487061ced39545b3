package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The export an addendum adds to: an addendum files the changes made to a mark's messages after it
 * was marked (edits, deletions), as its own package that names the original one.
 *
 * @param originalPackage the original export's ZIP name ({@code <ProzessID>_FVDaten.SGOAblegen.0605.zip})
 * @param originalProcessId its xdomea ProzessID, under which the DMS holds the filed document
 * @param originalExportedAt when it was exported
 */
public record AddendumOf(String originalPackage, String originalProcessId, Instant originalExportedAt) {
    public AddendumOf {
        requireNonNull(originalPackage, "originalPackage");
        requireNonNull(originalProcessId, "originalProcessId");
        requireNonNull(originalExportedAt, "originalExportedAt");
    }

    /** The reference for a package name as the exporter writes it; the ProzessID is its first part. */
    public static AddendumOf of(String originalPackage, Instant originalExportedAt) {
        int underscore = originalPackage.indexOf('_');
        String processId = underscore > 0 ? originalPackage.substring(0, underscore) : originalPackage;
        return new AddendumOf(originalPackage, processId, originalExportedAt);
    }
}
