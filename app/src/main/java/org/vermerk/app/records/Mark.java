package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A record mark: the official's decision that a message or range is record-relevant.
 *
 * @param id the mark's ID in the keystore ({@code records export --mark ID})
 * @param fileReference the Aktenzeichen the record is filed under
 * @param subject the Betreff
 * @param note the official's note, may be empty
 * @param includeAttachments whether the attachments' contents go into the package (their names and
 *     hashes are listed either way)
 * @param markedBy who marked
 * @param markedAt when the mark was made
 * @param history the mark's audit trail, oldest first
 */
public record Mark(
        String id,
        String fileReference,
        String subject,
        String note,
        boolean includeAttachments,
        String markedBy,
        Instant markedAt,
        List<MarkEvent> history) {
    public Mark {
        requireNonNull(id, "id");
        requireNonNull(fileReference, "fileReference");
        requireNonNull(subject, "subject");
        requireNonNull(note, "note");
        requireNonNull(markedBy, "markedBy");
        requireNonNull(markedAt, "markedAt");
        history = List.copyOf(history);
        if (fileReference.isBlank()) {
            throw new IllegalArgumentException("a record needs a file reference (Aktenzeichen)");
        }
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a record needs a subject (Betreff)");
        }
    }
}
