package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;

/**
 * A conversation: one MLS group.
 *
 * @param classification a marking such as "VS-NfD", or null for none
 */
public record Conversation(
        String id, Bytes groupId, Kind kind, String title, String classification, Instant createdAt, boolean archived) {

    public enum Kind {
        DIRECT,
        GROUP
    }

    public Conversation {
        Ids.require(id, "conversation id");
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(title);
        Objects.requireNonNull(createdAt);
    }

    @Override
    public String toString() {
        return "Conversation[" + id + ", " + kind + "]";
    }
}
