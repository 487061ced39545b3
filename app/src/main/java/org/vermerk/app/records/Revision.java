package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An earlier version of a message, replaced by an edit before the message was marked.
 *
 * @param text the text of that version
 * @param replacedAt when the edit that replaced it reached the server
 */
public record Revision(String text, Instant replacedAt) {
    public Revision {
        requireNonNull(text, "text");
        requireNonNull(replacedAt, "replacedAt");
    }
}
