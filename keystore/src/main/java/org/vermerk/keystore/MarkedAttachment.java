package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;

/** An attachment of a record mark's message, with that message's sender and time sent. */
public record MarkedAttachment(Attachment attachment, String senderUserId, Instant sentAt) {
    public MarkedAttachment {
        Objects.requireNonNull(attachment);
        Objects.requireNonNull(senderUserId);
        Objects.requireNonNull(sentAt);
    }
}
