package org.vermerk.app.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.vermerk.protocol.crypto.Secret;

/**
 * The plaintext of a {@link BlobFormat} blob, one authenticated chunk at a time: a chunk's bytes are
 * returned only after its tag verified. A changed, reordered or cut blob fails with {@link
 * CorruptBlobException} (an {@code IOException}, so it passes through stream copies). Not
 * thread-safe; closes the blob stream.
 */
final class DecryptingInputStream extends InputStream {
    /** The blob does not decrypt under the key: changed, cut, or not a Vermerk blob. */
    static final class CorruptBlobException extends IOException {
        CorruptBlobException(String message) {
            super(message);
        }
    }

    private final InputStream blob;
    private final SecretKeySpec key;
    private final byte[] raw;
    private final Cipher cipher;
    private final byte[] header;
    private byte[] current;
    private byte[] lookahead;
    private int lookaheadLength;
    private final byte[] plain;
    private int plainLength;
    private int position;
    private long index;
    private boolean done;

    DecryptingInputStream(InputStream blob, Secret fileKey) throws IOException {
        this.blob = blob;
        this.header = blob.readNBytes(BlobFormat.HEADER);
        if (header.length != BlobFormat.HEADER || !Arrays.equals(Arrays.copyOf(header, 4), BlobFormat.MAGIC)) {
            throw new CorruptBlobException("not an encrypted attachment");
        }
        int chunk = ((header[4] & 0xff) << 24)
                | ((header[5] & 0xff) << 16)
                | ((header[6] & 0xff) << 8)
                | (header[7] & 0xff);
        if (chunk < 1 || chunk > BlobFormat.MAX_CHUNK) {
            throw new CorruptBlobException("the attachment's chunk size is out of range");
        }
        this.raw = fileKey.expose();
        this.key = new SecretKeySpec(raw, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        this.current = new byte[chunk + BlobFormat.TAG];
        this.lookahead = new byte[chunk + BlobFormat.TAG];
        this.plain = new byte[chunk];
        this.lookaheadLength = blob.readNBytes(lookahead, 0, lookahead.length);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (position == plainLength) {
            if (done) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(len, plainLength - position);
        System.arraycopy(plain, position, b, off, n);
        position += n;
        return n;
    }

    private void nextChunk() throws IOException {
        byte[] swap = current;
        current = lookahead;
        lookahead = swap;
        int length = lookaheadLength;
        if (length < BlobFormat.TAG) {
            throw new CorruptBlobException("the attachment ends early");
        }
        lookaheadLength = length == current.length ? blob.readNBytes(lookahead, 0, lookahead.length) : 0;
        boolean last = lookaheadLength == 0;
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, BlobFormat.nonce(index)));
            cipher.updateAAD(BlobFormat.aad(header, index, last));
            plainLength = cipher.doFinal(current, 0, length, plain, 0);
        } catch (AEADBadTagException e) {
            throw new CorruptBlobException("the attachment does not decrypt: changed or cut");
        } catch (GeneralSecurityException e) {
            throw new CorruptBlobException("the attachment does not decrypt");
        }
        position = 0;
        index++;
        done = last;
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(raw, (byte) 0);
        Arrays.fill(plain, (byte) 0);
        blob.close();
    }
}
