package org.vermerk.app.policy;

/** The user's settings could not be written (the store failed); the value in use is not lost. */
public final class SettingsStoreException extends Exception {
    public SettingsStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
