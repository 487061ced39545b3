package org.vermerk.app.records.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.vermerk.app.records.Sha256;
import org.vermerk.app.records.manifest.ManifestEntry;

/**
 * Writes ZIP entries one after another and records each one's size and SHA-256 as it streams
 * through, for the manifest. Every entry gets the same timestamp (the time of export), so equal
 * input gives equal bytes.
 *
 * <p>Not thread-safe; one writer per export.
 */
final class HashingZipWriter implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final ZipOutputStream zip;
    private final LocalDateTime timestamp;
    private final List<ManifestEntry> written = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    HashingZipWriter(OutputStream out, LocalDateTime timestamp) {
        this.zip = new ZipOutputStream(out);
        this.timestamp = timestamp;
    }

    /** The body of one entry; writes go to the ZIP and the digest. */
    @FunctionalInterface
    interface EntryBody {
        void writeTo(OutputStream out) throws Exception;
    }

    /** Writes one entry, compressed at the default level, and returns its manifest line. */
    ManifestEntry entry(String name, EntryBody body) throws Exception {
        return entry(name, Deflater.DEFAULT_COMPRESSION, body);
    }

    /**
     * Writes one entry at a compression level and returns its manifest line. Content that is
     * compressed already (PDF streams, most attachments) goes at {@link Deflater#BEST_SPEED}.
     */
    ManifestEntry entry(String name, int level, EntryBody body) throws Exception {
        if (!names.add(name)) {
            throw new IllegalStateException("duplicate entry " + name);
        }
        zip.setLevel(level);
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(timestamp);
        zip.putNextEntry(entry);
        MessageDigest digest = Sha256.newDigest();
        long[] size = {0};
        OutputStream hashing = new FilterOutputStream(zip) {
            @Override
            public void write(int b) throws IOException {
                zip.write(b);
                digest.update((byte) b);
                size[0]++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                zip.write(bytes, offset, length);
                digest.update(bytes, offset, length);
                size[0] += length;
            }

            @Override
            public void close() {
                // the entry is closed by the writer, not by whoever wrote the body
            }
        };
        // Buffered: PDFBox's writer (and any body) may write a few bytes at a time, and each write
        // reaching the digest and the Deflater costs a call into both; 64 KiB chunks do not.
        OutputStream buffered = new BufferedOutputStream(hashing, BUFFER);
        body.writeTo(buffered);
        buffered.flush();
        zip.closeEntry();
        ManifestEntry line = new ManifestEntry(name, size[0], Sha256.finish(digest));
        written.add(line);
        return line;
    }

    /** Writes one entry that the manifest does not list (the manifest and its signature). */
    void unlisted(String name, byte[] content) throws IOException {
        if (!names.add(name)) {
            throw new IllegalStateException("duplicate entry " + name);
        }
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(timestamp);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    List<ManifestEntry> written() {
        return List.copyOf(written);
    }

    /** Writes the central directory; does not close the underlying stream. */
    void finish() throws IOException {
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
