package org.vermerk.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.vermerk.server.storage.SqliteDeliveryStore;

/**
 * The layout of the server's data directory (created owner-only): {@code server.db} (SQLite),
 * {@code native/} (the driver's native library), {@code tls/} (local CA and certificate, when no
 * certificate is configured), {@code attachments/} (blobs), and optionally {@code
 * server.properties}.
 */
public record DataDirectory(Path root) {
    public static DataDirectory create(Path root) throws IOException {
        if (!Files.exists(root)) {
            if (root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(
                        root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(root);
            }
        }
        return new DataDirectory(root.toAbsolutePath());
    }

    public Path database() {
        return root.resolve("server.db");
    }

    public Path nativeLibraries() {
        return root.resolve("native");
    }

    public Path tls() {
        return root.resolve("tls");
    }

    public Path attachments() {
        return root.resolve("attachments");
    }

    public SqliteDeliveryStore openStore() {
        return SqliteDeliveryStore.open(database(), nativeLibraries());
    }
}
