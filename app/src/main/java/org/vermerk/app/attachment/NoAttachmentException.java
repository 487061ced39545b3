package org.vermerk.app.attachment;

/** The message has no attachment on this device (not a file message, or unknown). */
public final class NoAttachmentException extends AttachmentException {
    public NoAttachmentException(String messageId) {
        super("message " + messageId + " has no attachment");
    }
}
