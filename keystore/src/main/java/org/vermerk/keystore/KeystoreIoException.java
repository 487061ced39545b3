package org.vermerk.keystore;

/** An I/O failure of the file system or the database engine that is none of the specific cases. */
public final class KeystoreIoException extends KeystoreException {
    public KeystoreIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
