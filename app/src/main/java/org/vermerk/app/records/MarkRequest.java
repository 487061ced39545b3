package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

/**
 * What an official fills in to mark one message or a range as record-relevant.
 *
 * @param conversationId the conversation (keystore ID)
 * @param firstMessageId the first message of the range
 * @param lastMessageId the last message of the range; the same as the first for one message
 * @param fileReference the Aktenzeichen, not blank
 * @param subject the Betreff, not blank
 * @param note the official's note; may be empty
 * @param includeAttachments whether the export carries the attachments' contents (names and hashes
 *     are listed either way)
 */
public record MarkRequest(
        String conversationId,
        String firstMessageId,
        String lastMessageId,
        String fileReference,
        String subject,
        String note,
        boolean includeAttachments) {
    public MarkRequest {
        requireNonNull(conversationId, "conversationId");
        requireNonNull(firstMessageId, "firstMessageId");
        requireNonNull(lastMessageId, "lastMessageId");
        fileReference = MarkChange.required(fileReference, "a record needs a file reference (Aktenzeichen)");
        subject = MarkChange.required(subject, "a record needs a subject (Betreff)");
        note = note == null ? "" : note.strip();
    }

    /** Marks one message. */
    public static MarkRequest single(
            String conversationId,
            String messageId,
            String fileReference,
            String subject,
            String note,
            boolean includeAttachments) {
        return new MarkRequest(conversationId, messageId, messageId, fileReference, subject, note, includeAttachments);
    }

    MarkChange fields() {
        return new MarkChange(fileReference, subject, note, includeAttachments);
    }
}
