package org.vermerk.app.records;

/** The mark was exported and is kept as filed: it can no longer be changed or withdrawn. */
public final class MarkExportedException extends RecordsException {
    public MarkExportedException(String markId, Throwable cause) {
        super("record mark " + markId + " was exported and can no longer be changed", cause);
    }
}
