package org.vermerk.keystore;

/**
 * A record mark's range is not one the store can mark: a message is unknown, in another
 * conversation, not yet accepted by the server or deleted, or the first comes after the last.
 */
public final class RecordMarkRangeException extends KeystoreException {
    public RecordMarkRangeException(String message) {
        super(message);
    }
}
