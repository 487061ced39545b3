package org.vermerk.app.records.export;

/**
 * An export that could not be written. Nothing was left behind in the export directory and the
 * marked messages are unchanged, so the official can try again; the message says why in words a
 * user can act on.
 */
public final class RecordExportException extends Exception {
    public RecordExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
