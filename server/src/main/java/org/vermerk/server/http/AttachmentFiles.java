package org.vermerk.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The attachment blobs, one file each under {@code DATA/attachments/}, named by a random 128-bit
 * ID. Clients encrypt them before upload; the server never reads them.
 */
public final class AttachmentFiles {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final Path directory;
    private final SecureRandom random;

    public AttachmentFiles(Path directory, SecureRandom random) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.random = random;
    }

    /** Thrown when an upload exceeds the size limit; nothing is kept. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("the attachment exceeds the size limit");
        }
    }

    public record Stored(String id, long size) {}

    /** Stores the stream as a new blob of at most {@code maxBytes}; the file appears only when complete. */
    public Stored store(InputStream in, long maxBytes) throws IOException {
        byte[] idBytes = new byte[16];
        random.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        Path partial = directory.resolve(id + ".part");
        long size = 0;
        try (OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, directory.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        return new Stored(id, size);
    }

    /** The blob's file, or null if the ID is malformed or unknown. */
    public Path file(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return null;
        }
        Path file = directory.resolve(id);
        return Files.isRegularFile(file) ? file : null;
    }

    public void delete(String id) throws IOException {
        if (ID.matcher(id).matches()) {
            Files.deleteIfExists(directory.resolve(id));
        }
    }
}
