package org.vermerk.app.records;

/**
 * The messages cannot be marked: unknown, in another conversation, not yet accepted by the
 * server, deleted, or the first after the last.
 */
public final class MarkRangeException extends RecordsException {
    public MarkRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
