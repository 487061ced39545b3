package org.vermerk.app.connection;

import java.nio.file.Path;

/**
 * The server's attachment routes over HTTPS ({@code POST /v1/attachments}, {@code GET
 * /v1/attachments/{id}}, docs/wire-protocol.md), with the same TLS trust and proxy as the
 * WebSocket. Moves opaque, already encrypted blobs between files and the server; never holds a whole
 * blob in memory. Thread-safe; calls block.
 */
public interface BlobTransfer {
    /** Bytes moved so far of {@code total}; called on the calling thread, often. */
    @FunctionalInterface
    interface Progress {
        void transferred(long done, long total);
    }

    /**
     * Uploads the file as a new blob.
     *
     * @return the blob ID the server gave
     * @throws BlobStatusException the server answered with an error status (401, 413, …)
     * @throws ServerUnreachableException no connection, or it broke off
     * @throws TlsFailureException the server's certificate is not trusted
     */
    String upload(String token, Path blob, Progress progress) throws ConnectionException, InterruptedException;

    /**
     * Downloads a blob into {@code target} (replaced), refusing more than {@code maxBytes}.
     *
     * @throws BlobStatusException 404 (expired or deleted), 401, or more bytes than {@code maxBytes}
     *     (status 413)
     */
    void download(String token, String blobId, Path target, long maxBytes, Progress progress)
            throws ConnectionException, InterruptedException;
}
