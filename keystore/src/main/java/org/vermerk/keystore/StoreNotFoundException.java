package org.vermerk.keystore;

/** There is no store at the given location (or its key file is missing); nothing was created. */
public final class StoreNotFoundException extends KeystoreException {
    public StoreNotFoundException(String message) {
        super(message);
    }
}
