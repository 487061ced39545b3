package org.vermerk.keystore;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.Secret;

/**
 * An attachment's metadata: the encrypted blob lives on the server ({@code blobRef}); its key and
 * hash came inside the MLS message.
 *
 * @param localPath where the decrypted file was saved, or null
 */
public record Attachment(
        String id,
        String messageId,
        String fileName,
        String mediaType,
        long size,
        Bytes sha256,
        Secret fileKey,
        String blobRef,
        String localPath,
        State state) {
    public enum State {
        REMOTE,
        DOWNLOADED,
        UPLOADING,
        FAILED
    }

    public Attachment {
        Ids.require(id, "attachment id");
        Ids.require(messageId, "message id");
        Objects.requireNonNull(fileName);
        Objects.requireNonNull(mediaType);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(fileKey);
        Objects.requireNonNull(blobRef);
        Objects.requireNonNull(state);
    }

    @Override
    public String toString() {
        return "Attachment[" + id + " of " + messageId + ", " + state + "]";
    }
}
