package org.vermerk.protocol.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4), HMAC-SHA256 (RFC 2104) and HKDF-Expand (RFC 5869 §2.3) on the JDK's
 * SHA-256, which the JVM compiles to the CPU's SHA instructions: about five times faster per
 * HKDF-Expand than BouncyCastle's pure-Java digest plus a fresh {@code HKDFBytesGenerator} per call
 * (docs/benchmarks.md), and the secret tree and key schedule call it several times per message.
 *
 * <p>HMAC is written out on the digest rather than taken from {@code javax.crypto.Mac}, so that no
 * keyed state outlives a call: the padded keys live in local arrays that are wiped before
 * returning, and {@link MessageDigest#digest()} resets the digest, which also clears its buffer.
 * Thread-safe: each thread uses a {@link MessageDigest} of its own ({@link ThreadLocal}), which a
 * call leaves reset.
 */
final class Sha256 {
    static final int LENGTH = 32;
    private static final int BLOCK = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private Sha256() {}

    /** SHA-256 of the concatenation of {@code parts}. */
    static byte[] hash(byte[]... parts) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** HMAC-SHA256(key, concatenation of {@code parts}) (RFC 2104); an empty key acts as zeros. */
    static byte[] hmac(byte[] key, byte[]... parts) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        byte[] pad = new byte[BLOCK];
        byte[] inner = null;
        try {
            if (key.length > BLOCK) {
                byte[] hashed = digest.digest(key); // K' = H(K) for keys longer than a block
                System.arraycopy(hashed, 0, pad, 0, hashed.length);
                Arrays.fill(hashed, (byte) 0);
            } else {
                System.arraycopy(key, 0, pad, 0, key.length);
            }
            xor(pad, IPAD);
            digest.update(pad);
            for (byte[] part : parts) {
                digest.update(part);
            }
            inner = digest.digest();
            xor(pad, (byte) (IPAD ^ OPAD));
            digest.update(pad);
            digest.update(inner);
            return digest.digest();
        } finally {
            Arrays.fill(pad, (byte) 0);
            if (inner != null) {
                Arrays.fill(inner, (byte) 0);
            }
            digest.reset();
        }
    }

    /**
     * HKDF-Expand(PRK, info, L) (RFC 5869 §2.3): {@code T(i) = HMAC(PRK, T(i-1) || info || i)}, the
     * first {@code length} bytes of {@code T(1) || T(2) || ...}.
     */
    static byte[] hkdfExpand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > 255 * LENGTH) {
            throw new IllegalArgumentException("HKDF-Expand length " + length + " out of range");
        }
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        byte[] counter = new byte[1];
        try {
            for (int offset = 0, i = 1; offset < length; offset += LENGTH, i++) {
                counter[0] = (byte) i;
                byte[] block = hmac(prk, previous, info, counter);
                System.arraycopy(block, 0, out, offset, Math.min(LENGTH, length - offset));
                Arrays.fill(previous, (byte) 0);
                previous = block;
            }
            return out;
        } finally {
            Arrays.fill(previous, (byte) 0);
        }
    }

    private static void xor(byte[] bytes, byte mask) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] ^= mask;
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
