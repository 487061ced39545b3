package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored message. Its {@code id} is the sender's client message ID: storing the same ID again is
 * a no-op, so a message delivered twice is kept once. {@code content} is the application's JSON
 * text, kept as given; {@code searchText} is the plain text the application wants found by search
 * (null: not searchable, for example a reaction).
 *
 * @param serverSeq the message's position in the group's server log; null until the server assigned
 *     it (an own message in the outbox)
 * @param editedAt when the content was last replaced by an edit; null if never
 */
public record Message(
        String id,
        String conversationId,
        Long serverSeq,
        String senderUserId,
        String senderDeviceId,
        Instant sentAt,
        Instant receivedAt,
        String content,
        String searchText,
        DeliveryState deliveryState,
        Instant editedAt) {

    public Message {
        Ids.require(id, "message id");
        Ids.require(conversationId, "conversation id");
        Objects.requireNonNull(senderUserId);
        Objects.requireNonNull(senderDeviceId);
        Objects.requireNonNull(sentAt);
        Objects.requireNonNull(receivedAt);
        Objects.requireNonNull(content);
        Objects.requireNonNull(deliveryState);
    }

    /** A new message, not edited, with the given delivery state. */
    public static Message of(
            String id,
            String conversationId,
            Long serverSeq,
            String senderUserId,
            String senderDeviceId,
            Instant sentAt,
            Instant receivedAt,
            String content,
            String searchText,
            DeliveryState deliveryState) {
        return new Message(
                id,
                conversationId,
                serverSeq,
                senderUserId,
                senderDeviceId,
                sentAt,
                receivedAt,
                content,
                searchText,
                deliveryState,
                null);
    }

    @Override
    public String toString() {
        return "Message[" + id + " in " + conversationId + ", " + deliveryState + "]";
    }
}
