package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One entry of a mark's audit trail, as the keystore records it: who changed what, when.
 *
 * @param at when
 * @param actorUserId who
 * @param action what happened, e.g. "marked", "changed", "range-extended"
 * @param field the changed field ("fileReference", "subject", …), empty when not one field
 * @param oldValue the value before, empty when none
 * @param newValue the value after, empty when none
 */
public record MarkEvent(Instant at, String actorUserId, String action, String field, String oldValue, String newValue) {
    public MarkEvent {
        requireNonNull(at, "at");
        requireNonNull(actorUserId, "actorUserId");
        requireNonNull(action, "action");
        requireNonNull(field, "field");
        requireNonNull(oldValue, "oldValue");
        requireNonNull(newValue, "newValue");
    }
}
