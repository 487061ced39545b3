package org.vermerk.app.records.manifest;

/** A manifest.json that cannot be read as a Vermerk manifest. */
public final class ManifestFormatException extends Exception {
    public ManifestFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
