package org.vermerk.keystore;

import java.time.Instant;

/**
 * One line of the append-only audit log of record marks.
 *
 * @param detail for MARKED the file reference, for EXPORTED the export's reference; else null
 * @param field for CHANGED the changed field's name; else null
 * @param oldValue for CHANGED the value before (null: none)
 * @param newValue for CHANGED the value after (null: none)
 */
public record AuditEntry(
        long seq,
        String markId,
        Action action,
        String actor,
        Instant at,
        String detail,
        String field,
        String oldValue,
        String newValue) {
    public enum Action {
        MARKED,
        CHANGED,
        REVOKED,
        EXPORTED
    }

    /** Field names of CHANGED entries. */
    public static final String FILE_REFERENCE = "fileReference";

    public static final String SUBJECT = "subject";
    public static final String NOTE = "note";
    public static final String INCLUDE_ATTACHMENTS = "includeAttachments";
}
