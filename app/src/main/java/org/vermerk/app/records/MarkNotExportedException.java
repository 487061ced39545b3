package org.vermerk.app.records;

/** An addendum was asked for a mark that was never exported: export the mark itself first. */
public final class MarkNotExportedException extends RecordsException {
    public MarkNotExportedException(String markId) {
        super("record mark " + markId + " has not been exported yet; an addendum adds to an export, so export the"
                + " mark first (it then carries every change made so far)");
    }
}
