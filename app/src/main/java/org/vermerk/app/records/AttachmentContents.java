package org.vermerk.app.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vermerk.keystore.Attachment;

/**
 * Where an export reads an attachment's decrypted content from. The exporter opens it only when
 * the mark includes attachments, and checks it against the SHA-256 that came with the message.
 */
@FunctionalInterface
public interface AttachmentContents {
    AttachmentContent contentOf(Attachment attachment);

    /**
     * The decrypted files the client saved ({@link Attachment#localPath()}); an attachment not yet
     * downloaded fails the export with a clear reason.
     */
    static AttachmentContents localFiles() {
        return attachment -> () -> {
            if (attachment.localPath() == null) {
                throw new IOException("attachment " + attachment.id() + " has not been downloaded to this device");
            }
            return Files.newInputStream(Path.of(attachment.localPath()));
        };
    }
}
