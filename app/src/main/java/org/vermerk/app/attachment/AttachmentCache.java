package org.vermerk.app.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/**
 * The encrypted blobs this device holds, under {@code HOME/attachments/}: what it sent (kept for
 * resending and for records exports) and what it downloaded. Only ciphertext lives here; the keys
 * are in the encrypted keystore. A file appears under its final name only when complete (written as
 * {@code .part}, then moved); leftover parts are removed at start. File names are hashes of the
 * attachment ID, which came from the network and is never used as a path. Thread-safe (each
 * attachment's file is written by one caller at a time, see {@link Attachments}).
 */
final class AttachmentCache {
    private static final String PART = ".part";

    private final Path directory;

    AttachmentCache(Path directory) throws IOException {
        this.directory = OwnerOnly.createDirectories(directory);
    }

    Path directory() {
        return directory;
    }

    /** Where the blob of an attachment is kept. */
    Path blob(String attachmentId) {
        byte[] hash = Sha256s.newDigest().digest(attachmentId.getBytes(StandardCharsets.UTF_8));
        return directory.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".vma");
    }

    boolean has(String attachmentId) {
        return Files.isRegularFile(blob(attachmentId));
    }

    /** A new, empty part file to write a blob into before {@link #keep}. */
    Path newPart() throws IOException {
        return OwnerOnly.createTempFile(directory, "blob-", PART);
    }

    /** Moves a complete part file to the attachment's place (replacing what was there). */
    void keep(Path part, String attachmentId) throws IOException {
        Files.move(part, blob(attachmentId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void delete(String attachmentId) throws IOException {
        Files.deleteIfExists(blob(attachmentId));
    }

    /** Removes parts a crash left behind. */
    void removeParts() throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "*" + PART)) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }
}
