package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a mark's audit trail in language-neutral form, for the command line and the Records
 * view, which render it in the reader's language. (The export's {@link MarkEvent} is the same entry
 * rendered in German, as filed.)
 *
 * @param at when
 * @param actorUserId who
 * @param action what happened
 * @param field for {@link Action#CHANGED} the field that changed
 * @param oldValue for a change the value before (empty when none); {@code includeAttachments} as
 *     {@code true}/{@code false}
 * @param newValue for a change the value after (empty when none)
 * @param detail for {@link Action#MARKED} the file reference, for the exports the ZIP's name; else
 *     empty
 */
public record AuditTrailEntry(
        Instant at,
        String actorUserId,
        Action action,
        Optional<MarkField> field,
        String oldValue,
        String newValue,
        String detail) {
    /** What happened to the mark. */
    public enum Action {
        MARKED,
        CHANGED,
        WITHDRAWN,
        EXPORTED,
        /** The later changes of an exported mark were filed as an addendum. */
        ADDENDUM_EXPORTED
    }

    /** The mark's editable fields. */
    public enum MarkField {
        FILE_REFERENCE,
        SUBJECT,
        NOTE,
        INCLUDE_ATTACHMENTS
    }

    public AuditTrailEntry {
        requireNonNull(at, "at");
        requireNonNull(actorUserId, "actorUserId");
        requireNonNull(action, "action");
        requireNonNull(field, "field");
        requireNonNull(oldValue, "oldValue");
        requireNonNull(newValue, "newValue");
        requireNonNull(detail, "detail");
    }
}
