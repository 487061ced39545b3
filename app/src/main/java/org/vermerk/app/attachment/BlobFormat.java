package org.vermerk.app.attachment;

import java.nio.ByteBuffer;

/**
 * The encrypted blob of an attachment (ADR 0021): AES-256-GCM in chunks, so that neither side holds
 * a whole file in memory and no plaintext is released before its chunk is authenticated.
 *
 * <pre>
 * blob   = magic "VMA1" (4 bytes) ‖ chunk size N (uint32, big-endian) ‖ chunk…
 * chunk  = AES-256-GCM(key, nonce, aad, plaintext of N bytes, the last one 0..N) ‖ 16-byte tag
 * nonce  = chunk index (96-bit big-endian)         — unique per key: each file has a fresh key
 * aad    = the 8 header bytes ‖ chunk index (uint64) ‖ final flag (1 on the last chunk, else 0)
 * </pre>
 *
 * The index in nonce and AAD stops reordering, the final flag stops truncation (a blob cut after a
 * full chunk fails: that chunk was not sealed as final), the header in the AAD stops a changed
 * chunk size. An empty file is one empty final chunk. The SHA-256 of the plaintext travels in the
 * MLS message as a second check.
 */
final class BlobFormat {
    static final byte[] MAGIC = {'V', 'M', 'A', '1'};
    static final int HEADER = 8;
    static final int TAG = 16;
    static final int CHUNK = 64 * 1024;

    /** The largest chunk size a reader accepts, so a forged header cannot make it allocate much. */
    static final int MAX_CHUNK = 1024 * 1024;

    private BlobFormat() {}

    static byte[] header(int chunkSize) {
        return ByteBuffer.allocate(HEADER).put(MAGIC).putInt(chunkSize).array();
    }

    static byte[] nonce(long index) {
        return ByteBuffer.allocate(12).putInt(0).putLong(index).array();
    }

    static byte[] aad(byte[] header, long index, boolean last) {
        return ByteBuffer.allocate(HEADER + 9)
                .put(header)
                .putLong(index)
                .put((byte) (last ? 1 : 0))
                .array();
    }

    /** The blob's size for a plaintext of {@code size} bytes in chunks of {@link #CHUNK}. */
    static long blobSize(long size) {
        long chunks = Math.max(1, (size + CHUNK - 1) / CHUNK);
        return HEADER + size + chunks * TAG;
    }
}
