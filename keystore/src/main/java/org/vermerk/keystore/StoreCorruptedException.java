package org.vermerk.keystore;

/**
 * A store file is truncated, damaged or not a Vermerk store. The store never repairs or overwrites
 * such a file by itself: the files stay as they are for recovery from a backup or for forensics.
 */
public final class StoreCorruptedException extends KeystoreException {
    public StoreCorruptedException(String message) {
        super(message);
    }

    public StoreCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
