package org.vermerk.app.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.vermerk.app.account.Account;
import org.vermerk.app.records.AttachmentContents;
import org.vermerk.keystore.Attachment;
import org.vermerk.keystore.Keystore;
import org.vermerk.keystore.KeystoreException;

/**
 * Records exports read attachments from the encrypted cache, decrypting as they stream (ADR 0021):
 * no decrypted copy on disk. The exporter checks each file against the SHA-256 its message named.
 */
public final class CachedAttachments {
    private CachedAttachments() {}

    /**
     * The account's cached attachments, without the network (for an export while no engine runs);
     * one not on this device fails the export with a clear reason.
     */
    public static AttachmentContents of(Account account) {
        return attachment -> () -> {
            AttachmentCache cache = new AttachmentCache(Attachments.cacheDirectory(account));
            return open(account.keystore(), cache, attachment.id());
        };
    }

    static InputStream open(Keystore keystore, AttachmentCache cache, String attachmentId) throws IOException {
        if (!cache.has(attachmentId)) {
            throw new IOException(
                    "attachment " + attachmentId + " has not been downloaded to this device; open or save it first");
        }
        Attachment row;
        try {
            row = keystore.messages()
                    .attachment(attachmentId)
                    .orElseThrow(() -> new IOException("attachment " + attachmentId + " is unknown"));
        } catch (KeystoreException e) {
            throw new IOException("the store cannot be read", e);
        }
        try {
            return new DecryptingInputStream(Files.newInputStream(cache.blob(attachmentId)), row.fileKey());
        } finally {
            row.fileKey().destroy();
        }
    }
}
