package org.vermerk.app.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.vermerk.protocol.crypto.Secret;

/** Encrypts a file into the {@link BlobFormat}, hashing the plaintext on the way; two chunk buffers in memory. */
final class BlobEncryption {
    /** What was encrypted: the plaintext's size and SHA-256. */
    record Sealed(long size, byte[] sha256) {}

    private BlobEncryption() {}

    static Sealed encrypt(InputStream plain, OutputStream blob, Secret key) throws IOException {
        MessageDigest sha256 = Sha256s.newDigest();
        byte[] header = BlobFormat.header(BlobFormat.CHUNK);
        blob.write(header);
        byte[] raw = key.expose();
        try {
            SecretKeySpec spec = new SecretKeySpec(raw, "AES");
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] current = new byte[BlobFormat.CHUNK];
            byte[] next = new byte[BlobFormat.CHUNK];
            byte[] out = new byte[BlobFormat.CHUNK + BlobFormat.TAG];
            int length = plain.readNBytes(current, 0, current.length);
            long index = 0;
            long size = 0;
            while (true) {
                // a full chunk is the last only if nothing follows it
                int nextLength = length == current.length ? plain.readNBytes(next, 0, next.length) : 0;
                boolean last = nextLength == 0;
                cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, BlobFormat.nonce(index)));
                cipher.updateAAD(BlobFormat.aad(header, index, last));
                int sealed = cipher.doFinal(current, 0, length, out, 0);
                blob.write(out, 0, sealed);
                sha256.update(current, 0, length);
                size += length;
                if (last) {
                    break;
                }
                byte[] swap = current;
                current = next;
                next = swap;
                length = nextLength;
                index++;
            }
            Arrays.fill(current, (byte) 0);
            Arrays.fill(next, (byte) 0);
            return new Sealed(size, sha256.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
