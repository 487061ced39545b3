package org.vermerk.app.attachment;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Directories and files only their owner can read, where the file system knows POSIX permissions.
 * On Windows the client home lies in the user's profile ({@code %LOCALAPPDATA%}), whose ACL already
 * keeps other users out.
 */
final class OwnerOnly {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    static Path createDirectories(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (POSIX) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        return directory;
    }

    static Path createTempFile(Path directory, String prefix, String suffix) throws IOException {
        return POSIX
                ? Files.createTempFile(directory, prefix, suffix, fileAttribute("rw-------"))
                : Files.createTempFile(directory, prefix, suffix);
    }

    static Path createTempDirectory(Path parent, String prefix) throws IOException {
        return POSIX
                ? Files.createTempDirectory(parent, prefix, fileAttribute("rwx------"))
                : Files.createTempDirectory(parent, prefix);
    }

    private static FileAttribute<?> fileAttribute(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
