package org.vermerk.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Keeps the installed client's class-data archive (AppCDS, ADR 0027) usable: the JVM writes it
 * when the client ends ({@code -XX:+AutoCreateSharedArchive}) but neither makes its directory (it
 * ends with an error instead) nor replaces a file that is no archive (it just runs without). So at
 * the start this makes the directory, removes the archives of other builds (their names differ by
 * the build's key) and a file without an archive's magic number. Everything here is best effort: a
 * failure only costs the archive's gain, never the start.
 */
final class ClassDataArchive {
    /** The first four bytes of a dynamic archive (HotSpot's CDS_DYNAMIC_ARCHIVE_MAGIC, little-endian). */
    private static final byte[] MAGIC = {(byte) 0xa8, (byte) 0xba, 0x0b, (byte) 0xf0};

    private ClassDataArchive() {}

    /** Prepares {@code archive} (the launcher's {@code -XX:SharedArchiveFile}); null: nothing to do. */
    static void prepare(String archive) {
        if (archive == null || archive.isBlank() || archive.contains("$")) {
            return; // no archive configured, or the launcher could not expand $HOME
        }
        Path file = Path.of(archive).toAbsolutePath();
        try {
            makeOwnDirectory(file.getParent());
            removeOthers(file);
            if (Files.isSymbolicLink(file)) {
                Files.delete(file); // the JVM would write its archive wherever the link points
            } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !startsWithMagic(file)) {
                Files.delete(file);
            }
        } catch (IOException | RuntimeException e) {
            // Best effort (see the class comment).
        }
    }

    /** The cache directory, made readable and writable by the user alone (the archive is code). */
    private static void makeOwnDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        try {
            Files.createDirectory(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(directory); // Windows: the profile's own ACLs apply
        }
    }

    /**
     * Removes this launcher's archives of other builds: same prefix (the name up to its first '-',
     * "installed-" for the package; the checkout's launcher script names its own "client-…").
     */
    private static void removeOthers(Path file) throws IOException {
        String name = file.getFileName().toString();
        String prefix = name.substring(0, Math.max(0, name.indexOf('-')) + 1);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(), prefix + "*.jsa")) {
            for (Path sibling : siblings) {
                if (!sibling.getFileName().toString().equals(name)) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    private static boolean startsWithMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }
}
