package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;

/**
 * A range of messages of one conversation marked as record-relevant ("aktenrelevant"), to be filed
 * under a file reference. The messages are kept as they were when marked ({@link
 * RecordRepository#markedMessages}); a mark is changed only until it is exported, and revoked, never
 * deleted.
 *
 * @param firstMessageId the range's first message (the server's order)
 * @param lastMessageId the range's last message; equal to the first for a single message
 * @param messageCount how many messages the range held when marked
 * @param note optional note, or null
 * @param includeAttachments whether an export carries the attachments' contents
 * @param classification the conversation's classification when marked, or null for none
 * @param revokedAt when the mark was withdrawn, or null
 * @param exportedAt when it was first filed into the electronic file, or null
 * @param exportRef the latest export's reference (the ZIP's name), or null
 */
public record RecordMark(
        String id,
        String conversationId,
        String firstMessageId,
        String lastMessageId,
        int messageCount,
        String fileReference,
        String subject,
        String note,
        boolean includeAttachments,
        String classification,
        String markedBy,
        Instant markedAt,
        Instant revokedAt,
        Instant exportedAt,
        String exportRef) {
    public RecordMark {
        Ids.require(id, "record mark id");
        Ids.require(conversationId, "conversation id");
        Ids.require(firstMessageId, "message id");
        Ids.require(lastMessageId, "message id");
        Objects.requireNonNull(fileReference);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(markedBy);
        Objects.requireNonNull(markedAt);
    }

    public boolean exported() {
        return exportedAt != null;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    @Override
    public String toString() {
        return "RecordMark[" + id + " on " + firstMessageId + ".." + lastMessageId + "]";
    }

    /**
     * A mark to make: the store snapshots the messages from {@code firstMessageId} to {@code
     * lastMessageId} of the conversation and stamps the time.
     *
     * @param note optional, or null
     * @param classification the conversation's classification now, or null
     */
    public record New(
            String id,
            String conversationId,
            String firstMessageId,
            String lastMessageId,
            String fileReference,
            String subject,
            String note,
            boolean includeAttachments,
            String classification,
            String markedBy) {
        public New {
            Ids.require(id, "record mark id");
            Ids.require(conversationId, "conversation id");
            Ids.require(firstMessageId, "message id");
            Ids.require(lastMessageId, "message id");
            Objects.requireNonNull(fileReference);
            Objects.requireNonNull(subject);
            Objects.requireNonNull(markedBy);
        }
    }

    /** The values an official may change until the mark is exported. */
    public record Fields(String fileReference, String subject, String note, boolean includeAttachments) {
        public Fields {
            Objects.requireNonNull(fileReference);
            Objects.requireNonNull(subject);
        }
    }

    /**
     * Which marks to list; null components do not filter.
     *
     * @param exported true: only exported marks; false: only unfiled ones; null: both
     * @param fileReferenceContains a substring of the file reference (case-insensitive)
     * @param markedFrom marked at or after
     * @param markedBefore marked before
     */
    public record Query(
            String conversationId,
            Boolean exported,
            boolean includeRevoked,
            String fileReferenceContains,
            Instant markedFrom,
            Instant markedBefore) {
        public static Query all() {
            return new Query(null, null, false, null, null, null);
        }
    }
}
