package org.vermerk.keystore;

/**
 * Base of every failure the store reports. Messages name what failed and never contain message
 * content, names, keys or passphrases; the subtypes are the failures a caller must tell apart.
 */
public class KeystoreException extends Exception {
    public KeystoreException(String message) {
        super(message);
    }

    public KeystoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
