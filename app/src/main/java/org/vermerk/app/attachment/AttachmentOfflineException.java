package org.vermerk.app.attachment;

/** The server could not be reached for a download; try again when online. */
public final class AttachmentOfflineException extends AttachmentException {
    public AttachmentOfflineException(Throwable cause) {
        super("the server cannot be reached to download the attachment", cause);
    }
}
