package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

/**
 * The conversation the marked messages come from.
 *
 * @param id the conversation's ID (its MLS group ID in hex)
 * @param title the conversation's title as shown to its members
 * @param classification the conversation's classification, which the record inherits
 */
public record Conversation(String id, String title, Classification classification) {
    public Conversation {
        requireNonNull(id, "id");
        requireNonNull(title, "title");
        requireNonNull(classification, "classification");
    }
}
