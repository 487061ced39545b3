package org.vermerk.app.conversation;

import org.vermerk.keystore.Attachment;

/**
 * The keystore's attachment row of a {@link Payload.File} message at each step (ADR 0021). One file
 * per message, so the row's ID is the message ID on every device, and a records export names the
 * same attachment the same on both sides.
 */
final class FileMessages {
    private FileMessages() {}

    /** An own file whose blob is being encrypted and uploaded; resumed after a crash. */
    static Attachment held(Payload.File file) {
        return row(file, Attachment.State.UPLOADING);
    }

    /** An own file, uploaded: its encrypted blob stays in this device's cache. */
    static Attachment uploaded(Payload.File file) {
        return row(file, Attachment.State.DOWNLOADED);
    }

    /** A received file: the blob is on the server until downloaded. */
    static Attachment received(Payload.File file) {
        return row(file, Attachment.State.REMOTE);
    }

    /** An own file that could not be uploaded. */
    static Attachment failed(Payload.File file) {
        return row(file, Attachment.State.FAILED);
    }

    private static Attachment row(Payload.File file, Attachment.State state) {
        return new Attachment(
                file.id(),
                file.id(),
                file.fileName(),
                file.mediaType(),
                file.size(),
                file.sha256(),
                file.key(),
                file.blob(),
                null,
                state);
    }
}
