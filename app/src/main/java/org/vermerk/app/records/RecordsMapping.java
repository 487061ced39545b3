package org.vermerk.app.records;

import java.util.List;
import java.util.Optional;
import org.vermerk.keystore.AuditEntry;
import org.vermerk.keystore.Contact;
import org.vermerk.keystore.MessageRevision;
import org.vermerk.keystore.RecordMark;

/** Turns the keystore's records types into the export model; no I/O. */
final class RecordsMapping {
    private RecordsMapping() {}

    /**
     * The record's classification from a conversation's label. Vermerk carries nothing above
     * VS-NfD, so every label other than "offen" counts as VS-NfD: an unknown label is marked rather
     * than dropped.
     */
    static Classification classification(String label) {
        return Classification.ofLabel(label);
    }

    /** The stricter of two classifications. */
    static Classification stricter(Classification a, Classification b) {
        return a.isClassified() ? a : b;
    }

    static MarkState state(RecordMark mark) {
        if (mark.revoked()) {
            return MarkState.WITHDRAWN;
        }
        return mark.exported() ? MarkState.EXPORTED : MarkState.UNFILED;
    }

    static Mark mark(RecordMark mark, List<AuditEntry> log) {
        return new Mark(
                mark.id(),
                mark.fileReference(),
                mark.subject(),
                mark.note() == null ? "" : mark.note(),
                mark.includeAttachments(),
                mark.markedBy(),
                mark.markedAt(),
                log.stream().map(RecordsMapping::event).toList());
    }

    /**
     * An audit entry as the record prints it (in German, as the transcript): "markiert",
     * "geändert" with the field's German name and both values, "exportiert", "Nachtrag exportiert",
     * "zurückgezogen".
     */
    static MarkEvent event(AuditEntry entry) {
        return switch (entry.action()) {
            case MARKED -> new MarkEvent(entry.at(), entry.actor(), "markiert", "", "", orEmpty(entry.detail()));
            case CHANGED ->
                new MarkEvent(
                        entry.at(),
                        entry.actor(),
                        "geändert",
                        fieldName(entry.field()),
                        value(entry.field(), entry.oldValue()),
                        value(entry.field(), entry.newValue()));
            case EXPORTED ->
                AddendumReference.isAddendum(entry.detail())
                        ? new MarkEvent(
                                entry.at(),
                                entry.actor(),
                                "Nachtrag exportiert",
                                "",
                                "",
                                AddendumReference.zipName(entry.detail()))
                        : new MarkEvent(entry.at(), entry.actor(), "exportiert", "", "", orEmpty(entry.detail()));
            case REVOKED -> new MarkEvent(entry.at(), entry.actor(), "zurückgezogen", "", "", "");
        };
    }

    /** An audit entry in language-neutral form (command line, Records view). */
    static AuditTrailEntry trailEntry(AuditEntry entry) {
        String detail = orEmpty(entry.detail());
        return switch (entry.action()) {
            case MARKED ->
                new AuditTrailEntry(
                        entry.at(), entry.actor(), AuditTrailEntry.Action.MARKED, Optional.empty(), "", "", detail);
            case CHANGED ->
                new AuditTrailEntry(
                        entry.at(),
                        entry.actor(),
                        AuditTrailEntry.Action.CHANGED,
                        markField(entry.field()),
                        orEmpty(entry.oldValue()),
                        orEmpty(entry.newValue()),
                        "");
            case EXPORTED ->
                AddendumReference.isAddendum(detail)
                        ? new AuditTrailEntry(
                                entry.at(),
                                entry.actor(),
                                AuditTrailEntry.Action.ADDENDUM_EXPORTED,
                                Optional.empty(),
                                "",
                                "",
                                AddendumReference.zipName(detail))
                        : new AuditTrailEntry(
                                entry.at(),
                                entry.actor(),
                                AuditTrailEntry.Action.EXPORTED,
                                Optional.empty(),
                                "",
                                "",
                                detail);
            case REVOKED ->
                new AuditTrailEntry(
                        entry.at(), entry.actor(), AuditTrailEntry.Action.WITHDRAWN, Optional.empty(), "", "", "");
        };
    }

    private static Optional<AuditTrailEntry.MarkField> markField(String field) {
        if (field == null) {
            return Optional.empty();
        }
        return switch (field) {
            case AuditEntry.FILE_REFERENCE -> Optional.of(AuditTrailEntry.MarkField.FILE_REFERENCE);
            case AuditEntry.SUBJECT -> Optional.of(AuditTrailEntry.MarkField.SUBJECT);
            case AuditEntry.NOTE -> Optional.of(AuditTrailEntry.MarkField.NOTE);
            case AuditEntry.INCLUDE_ATTACHMENTS -> Optional.of(AuditTrailEntry.MarkField.INCLUDE_ATTACHMENTS);
            default -> Optional.empty();
        };
    }

    private static String fieldName(String field) {
        if (field == null) {
            return "";
        }
        return switch (field) {
            case AuditEntry.FILE_REFERENCE -> "Aktenzeichen";
            case AuditEntry.SUBJECT -> "Betreff";
            case AuditEntry.NOTE -> "Notiz";
            case AuditEntry.INCLUDE_ATTACHMENTS -> "Anhänge beifügen";
            default -> field;
        };
    }

    private static String value(String field, String value) {
        if (AuditEntry.INCLUDE_ATTACHMENTS.equals(field) && value != null) {
            return Boolean.parseBoolean(value) ? "ja" : "nein";
        }
        return orEmpty(value);
    }

    static Revision revision(MessageRevision revision) {
        return new Revision(StoredContent.parse(revision.content()).text(), revision.replacedAt());
    }

    static VerificationState verification(Optional<Contact> contact) {
        return switch (contact.map(Contact::trust).orElse(Contact.Trust.UNKNOWN)) {
            case VERIFIED -> VerificationState.VERIFIED;
            case KEY_CHANGED -> VerificationState.KEY_CHANGED;
            case UNKNOWN, TRUSTED_ON_FIRST_USE -> VerificationState.UNVERIFIED;
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
