package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

/**
 * A mark's editable values as the official leaves them (the whole form, not a difference); the
 * service writes an audit entry for each value that differs.
 *
 * @param note may be empty
 */
public record MarkChange(String fileReference, String subject, String note, boolean includeAttachments) {
    public MarkChange {
        fileReference = required(fileReference, "a record needs a file reference (Aktenzeichen)");
        subject = required(subject, "a record needs a subject (Betreff)");
        note = note == null ? "" : note.strip();
    }

    static String required(String value, String message) {
        requireNonNull(value, message);
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException(message);
        }
        return stripped;
    }
}
