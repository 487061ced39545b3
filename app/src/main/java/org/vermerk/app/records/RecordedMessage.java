package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One marked message in the version it had when it was marked.
 *
 * @param id the message's ID
 * @param senderUserId who sent it
 * @param sentAt when the sender's client says it sent it
 * @param receivedByServerAt when the delivery server appended it to the group log (the ordering
 *     time)
 * @param text the text as marked; data, never interpreted
 * @param replyTo the message it answers, if any
 * @param earlierVersions versions replaced by edits before the mark, oldest first
 * @param changeAfterMark an edit or deletion after the mark, if any
 * @param attachmentIds the IDs of its attachments ({@link AttachmentFile#id()})
 */
public record RecordedMessage(
        String id,
        String senderUserId,
        Instant sentAt,
        Instant receivedByServerAt,
        String text,
        Optional<ReplyReference> replyTo,
        List<Revision> earlierVersions,
        Optional<LaterChange> changeAfterMark,
        List<String> attachmentIds) {
    public RecordedMessage {
        requireNonNull(id, "id");
        requireNonNull(senderUserId, "senderUserId");
        requireNonNull(sentAt, "sentAt");
        requireNonNull(receivedByServerAt, "receivedByServerAt");
        requireNonNull(text, "text");
        requireNonNull(replyTo, "replyTo");
        earlierVersions = List.copyOf(earlierVersions);
        requireNonNull(changeAfterMark, "changeAfterMark");
        attachmentIds = List.copyOf(attachmentIds);
    }

    /** A plain message: no reply, no history, no attachments. */
    public static RecordedMessage plain(
            String id, String senderUserId, Instant sentAt, Instant receivedByServerAt, String text) {
        return new RecordedMessage(
                id,
                senderUserId,
                sentAt,
                receivedByServerAt,
                text,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                List.of());
    }
}
