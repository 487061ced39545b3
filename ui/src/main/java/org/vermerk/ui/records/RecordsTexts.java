package org.vermerk.ui.records;

import org.vermerk.app.records.AuditTrailEntry;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.MarkExportedException;
import org.vermerk.app.records.MarkNotExportedException;
import org.vermerk.app.records.MarkNotFoundException;
import org.vermerk.app.records.MarkRangeException;
import org.vermerk.app.records.MarkState;
import org.vermerk.app.records.NoLaterChangesException;
import org.vermerk.app.records.RecordsException;
import org.vermerk.ui.core.ErrorTexts;
import org.vermerk.ui.core.UiText;

/** The records screens' texts for the engine's values: states, classifications, audit entries, errors. */
final class RecordsTexts {
    private RecordsTexts() {}

    static UiText state(MarkState state) {
        return switch (state) {
            case UNFILED -> UiText.of("records.state.unfiled");
            case EXPORTED -> UiText.of("records.state.exported");
            case WITHDRAWN -> UiText.of("records.state.withdrawn");
        };
    }

    static UiText classification(Classification classification) {
        return classification.isClassified()
                ? UiText.of("records.classification.vsnfd")
                : UiText.of("records.classification.open");
    }

    /** One audit entry as a sentence: what happened (who and when are shown beside it). */
    static UiText audit(AuditTrailEntry entry) {
        return switch (entry.action()) {
            case MARKED -> UiText.of("records.audit.marked", entry.detail());
            case WITHDRAWN -> UiText.of("records.audit.withdrawn");
            case EXPORTED -> UiText.of("records.audit.exported", entry.detail());
            case ADDENDUM_EXPORTED -> UiText.of("records.audit.addendum", entry.detail());
            case CHANGED ->
                entry.field().isEmpty()
                        ? UiText.of("records.audit.changed.other", entry.oldValue(), entry.newValue())
                        : switch (entry.field().get()) {
                            case FILE_REFERENCE ->
                                UiText.of("records.audit.changed.fileReference", entry.oldValue(), entry.newValue());
                            case SUBJECT ->
                                UiText.of("records.audit.changed.subject", entry.oldValue(), entry.newValue());
                            case NOTE -> UiText.of("records.audit.changed.note", entry.oldValue(), entry.newValue());
                            case INCLUDE_ATTACHMENTS ->
                                Boolean.parseBoolean(entry.newValue())
                                        ? UiText.of("records.audit.changed.attachmentsOn")
                                        : UiText.of("records.audit.changed.attachmentsOff");
                        };
        };
    }

    /** What to tell the user about a failed records call. */
    static UiText error(Throwable failure) {
        return switch (failure) {
            case MarkRangeException e -> UiText.of("records.error.range", e.getMessage());
            case MarkExportedException e -> UiText.of("records.error.exported");
            case MarkNotFoundException e -> UiText.of("records.error.notFound");
            case MarkNotExportedException e -> UiText.of("records.error.notExported");
            case NoLaterChangesException e -> UiText.of("records.error.noLaterChanges");
            case RecordsException e -> UiText.of("records.error.failed", e.getMessage());
            case IllegalArgumentException e -> UiText.of("records.error.failed", e.getMessage());
            default -> ErrorTexts.of(failure);
        };
    }
}
