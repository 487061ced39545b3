package org.vermerk.app.attachment;

/**
 * An attachment as a user sees it.
 *
 * @param messageId its message (one file per message)
 * @param fileName the name the sender gave (untrusted: make it safe before using it as a path)
 * @param state where it is
 */
public record AttachmentState(String messageId, String fileName, String mediaType, long size, State state) {
    public enum State {
        /** An own file being encrypted and uploaded (resumed after a restart). */
        UPLOADING,
        /** The encrypted file is on this device: open and save work offline. */
        ON_DEVICE,
        /** On the server only: open or save downloads it first. */
        ON_SERVER,
        /** An own file that could not be uploaded (too large for the server, or its blob was lost). */
        FAILED
    }

    @Override
    public String toString() {
        return "AttachmentState[" + messageId + ", " + state + "]";
    }
}
