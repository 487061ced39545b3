package org.vermerk.keystore;

import java.time.Instant;
import java.util.Objects;

/** An earlier content of an edited message and when the edit replaced it. */
public record MessageRevision(String content, Instant replacedAt) {
    public MessageRevision {
        Objects.requireNonNull(content);
        Objects.requireNonNull(replacedAt);
    }

    @Override
    public String toString() {
        return "MessageRevision[replaced " + replacedAt + "]";
    }
}
