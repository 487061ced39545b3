package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;

/**
 * A message marked as record-relevant ("aktenrelevant"), to be filed under a file reference.
 *
 * @param note optional note, or null
 * @param revokedAt when the mark was withdrawn, or null; marks are never deleted
 * @param exportedAt when it was filed into the electronic file, or null
 * @param exportRef the export's reference (for example the xdomea process ID), or null
 */
public record RecordMark(
        String id,
        String messageId,
        String fileReference,
        String subject,
        String note,
        String markedBy,
        Instant markedAt,
        Instant revokedAt,
        Instant exportedAt,
        String exportRef) {
    public RecordMark {
        Ids.require(id, "record mark id");
        Ids.require(messageId, "message id");
        Objects.requireNonNull(fileReference);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(markedBy);
        Objects.requireNonNull(markedAt);
    }

    @Override
    public String toString() {
        return "RecordMark[" + id + " on " + messageId + "]";
    }
}
