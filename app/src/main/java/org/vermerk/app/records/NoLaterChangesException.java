package org.vermerk.app.records;

/** An addendum was asked for, but no message of the mark was edited or deleted after marking. */
public final class NoLaterChangesException extends RecordsException {
    public NoLaterChangesException(String markId) {
        super("no message of record mark " + markId + " was edited or deleted after it was marked: there is"
                + " nothing to file as an addendum");
    }
}
