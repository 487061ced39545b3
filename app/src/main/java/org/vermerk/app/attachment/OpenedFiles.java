package org.vermerk.app.attachment;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.vermerk.app.records.plan.SafeFileNames;

/**
 * Decrypted copies made to open an attachment in another program, under {@code HOME/open/}
 * (owner-only): the one place besides a user's own "save as" where plaintext reaches the disk. Each
 * copy gets a directory of its own so that the file keeps its name (programs show it) and two files
 * of one name do not collide. {@link #clear} empties it; the client calls it on lock and exit, and
 * at start for what a crash left.
 */
public final class OpenedFiles {
    private final Path directory;

    OpenedFiles(Path directory) {
        this.directory = directory;
    }

    /** A new path named after {@code fileName} (made safe), in a fresh owner-only directory. */
    Path place(String fileName) throws IOException {
        OwnerOnly.createDirectories(directory);
        return OwnerOnly.createTempDirectory(directory, "f").resolve(SafeFileNames.sanitize(fileName));
    }

    public Path directory() {
        return directory;
    }

    /** Deletes every decrypted copy. A file another program holds open on Windows stays until next time. */
    public void clear() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (!dir.equals(directory)) {
                    Files.deleteIfExists(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
