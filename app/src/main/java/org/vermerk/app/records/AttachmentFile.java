package org.vermerk.app.records;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An attachment of a marked message, as sent.
 *
 * @param id the attachment's ID (referenced by {@link RecordedMessage#attachmentIds()})
 * @param fileName the file name the sender gave; untrusted, the exporter makes it safe
 * @param mediaType the media type the sender gave
 * @param size the size in bytes as sent
 * @param sha256 the SHA-256 as sent (it travelled inside the MLS message); the exporter checks the
 *     content against it
 * @param senderUserId who sent it
 * @param sentAt when
 * @param content the decrypted bytes
 */
public record AttachmentFile(
        String id,
        String fileName,
        String mediaType,
        long size,
        Sha256 sha256,
        String senderUserId,
        Instant sentAt,
        AttachmentContent content) {
    public AttachmentFile {
        requireNonNull(id, "id");
        requireNonNull(fileName, "fileName");
        requireNonNull(mediaType, "mediaType");
        requireNonNull(sha256, "sha256");
        requireNonNull(senderUserId, "senderUserId");
        requireNonNull(sentAt, "sentAt");
        requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("negative attachment size");
        }
    }
}
