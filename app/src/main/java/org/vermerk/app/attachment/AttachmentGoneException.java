package org.vermerk.app.attachment;

/**
 * The server no longer has the attachment: it deleted it after its retention period (30 days by
 * default), or it was never stored there. Only the sender's device may still have it.
 */
public final class AttachmentGoneException extends AttachmentException {
    public AttachmentGoneException(String messageId) {
        super("the attachment of message " + messageId
                + " is no longer on the server (deleted after the retention period)");
    }
}
