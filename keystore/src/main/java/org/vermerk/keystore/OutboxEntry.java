package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;

/**
 * Something to send to the server, kept until the server acknowledged it.
 *
 * @param id assigned by the store, increasing: the send order
 * @param messageId the message this sends, or null (commits, proposals)
 * @param kind the application's code for what this is
 * @param payload the encrypted wire message
 */
public record OutboxEntry(
        long id,
        String conversationId,
        String messageId,
        int kind,
        Bytes payload,
        Instant createdAt,
        int attempts,
        Instant nextAttemptAt) {

    /** An entry to enqueue; the store assigns the ID and times. */
    public record New(String conversationId, String messageId, int kind, Bytes payload) {
        public New {
            Ids.require(conversationId, "conversation id");
            Objects.requireNonNull(payload);
        }
    }
}
