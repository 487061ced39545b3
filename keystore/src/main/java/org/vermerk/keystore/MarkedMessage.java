package org.vermerk.keystore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message of a record mark: its content as it was when marked, and what became of it since.
 *
 * @param position its place in the mark, from 0, in the server's order
 * @param markedContent the application's content when it was marked
 * @param currentContent the content now; empty after a deletion
 * @param editedAt when the content was last replaced, or null
 * @param deletedAt when it was deleted, or null
 * @param revisionsBeforeMark versions replaced by edits before the mark, oldest first
 */
public record MarkedMessage(
        String markId,
        int position,
        String messageId,
        Long serverSeq,
        String senderUserId,
        String senderDeviceId,
        Instant sentAt,
        Instant receivedAt,
        String markedContent,
        String currentContent,
        Instant editedAt,
        Instant deletedAt,
        List<MessageRevision> revisionsBeforeMark) {
    public MarkedMessage {
        Objects.requireNonNull(markedContent);
        Objects.requireNonNull(currentContent);
        revisionsBeforeMark = List.copyOf(revisionsBeforeMark);
    }

    /** Edited or deleted after the mark. */
    public boolean changedAfterMark() {
        return deletedAt != null || !currentContent.equals(markedContent);
    }

    @Override
    public String toString() {
        return "MarkedMessage[" + messageId + " of " + markId + " at " + position + "]";
    }
}
