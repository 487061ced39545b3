package org.vermerk.app.attachment;

/** The encrypted blob does not decrypt under its key (changed, cut, or not a Vermerk blob); it was discarded. */
public final class AttachmentCorruptException extends AttachmentException {
    public AttachmentCorruptException(String messageId) {
        super("the attachment of message " + messageId + " does not decrypt (changed or cut); it was discarded");
    }
}
