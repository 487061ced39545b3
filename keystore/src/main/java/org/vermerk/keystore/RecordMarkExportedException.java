package org.vermerk.keystore;

/** A record mark was to be changed or revoked after it was exported; exported marks stay as filed. */
public final class RecordMarkExportedException extends KeystoreException {
    public RecordMarkExportedException(String message) {
        super(message);
    }
}
