package org.vermerk.app.attachment;

/** A local file could not be read or written (the file to send, the cache, or where to save). */
public final class AttachmentFileException extends AttachmentException {
    public AttachmentFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
