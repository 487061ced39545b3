package org.vermerk.keystore;

/** The store is open in another process (or already open in this one); it was not touched. */
public final class StoreLockedException extends KeystoreException {
    public StoreLockedException(String message) {
        super(message);
    }
}
