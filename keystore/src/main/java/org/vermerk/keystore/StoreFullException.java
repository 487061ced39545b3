package org.vermerk.keystore;

/**
 * The disk (or the configured size cap) is full. The transaction that hit it was rolled back as a
 * whole; the store stays consistent and readable, and writes succeed again once there is room.
 */
public final class StoreFullException extends KeystoreException {
    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
