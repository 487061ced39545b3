package org.vermerk.app.records.plan;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;
import org.vermerk.app.records.AttachmentFile;

/**
 * An attachment and where it goes in the package.
 *
 * @param file the attachment
 * @param documentId its xdomea document ID (Anlage) and file-name prefix
 * @param entryName its ZIP entry name, {@code <documentId>_<safe name>}; empty when the mark
 *     leaves attachments out
 */
public record PlannedAttachment(AttachmentFile file, UUID documentId, Optional<String> entryName) {
    public PlannedAttachment {
        requireNonNull(file, "file");
        requireNonNull(documentId, "documentId");
        requireNonNull(entryName, "entryName");
    }

    public boolean included() {
        return entryName.isPresent();
    }
}
