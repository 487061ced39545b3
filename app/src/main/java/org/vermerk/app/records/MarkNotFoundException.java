package org.vermerk.app.records;

/** No mark with this ID (or it was withdrawn, for an operation that needs an active mark). */
public final class MarkNotFoundException extends RecordsException {
    public MarkNotFoundException(String markId) {
        super("no record mark " + markId);
    }
}
