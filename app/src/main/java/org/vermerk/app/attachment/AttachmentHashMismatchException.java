package org.vermerk.app.attachment;

/**
 * The downloaded file's SHA-256 is not the one its message named: it was replaced on the way or by
 * someone holding its key. Nothing of it was kept or shown.
 */
public final class AttachmentHashMismatchException extends AttachmentException {
    public AttachmentHashMismatchException(String messageId) {
        super("the attachment of message " + messageId
                + " does not match the hash its message named; it was discarded");
    }
}
