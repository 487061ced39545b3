package org.vermerk.app.records;

/**
 * A records operation failed. The subtypes are what a caller must tell apart; messages name what
 * failed and never carry message text.
 */
public class RecordsException extends Exception {
    public RecordsException(String message) {
        super(message);
    }

    public RecordsException(String message, Throwable cause) {
        super(message, cause);
    }
}
