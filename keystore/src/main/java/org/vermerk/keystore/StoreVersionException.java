package org.vermerk.keystore;

/**
 * The store was written by a newer Vermerk (its schema or file format is newer than this code
 * knows). Migrations only go forward, so the store is left untouched; update the application.
 */
public final class StoreVersionException extends KeystoreException {
    public StoreVersionException(String message) {
        super(message);
    }
}
