package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A change to a message after it was marked. The record keeps the marked version; the change is
 * noted beside it (and can be filed as an addendum by a later export).
 *
 * @param kind edited or deleted
 * @param at when the change reached the server
 * @param newText the text after an edit; empty for a deletion
 */
public record LaterChange(Kind kind, Instant at, String newText) {
    public enum Kind {
        EDITED("edited"),
        DELETED("deleted");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public LaterChange {
        requireNonNull(kind, "kind");
        requireNonNull(at, "at");
        requireNonNull(newText, "newText");
    }
}
