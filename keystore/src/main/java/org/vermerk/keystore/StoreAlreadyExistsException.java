package org.vermerk.keystore;

/** Creating or restoring a store where one already exists; the existing store was not touched. */
public final class StoreAlreadyExistsException extends KeystoreException {
    public StoreAlreadyExistsException(String message) {
        super(message);
    }
}
