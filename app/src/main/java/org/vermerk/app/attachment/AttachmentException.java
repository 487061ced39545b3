package org.vermerk.app.attachment;

/**
 * Base of every attachment failure a caller tells apart. Messages are one line for people and name
 * IDs and sizes, never file names, content or keys.
 */
public class AttachmentException extends Exception {
    public AttachmentException(String message) {
        super(message);
    }

    public AttachmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
