package org.vermerk.protocol.crypto.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.ExtendedDigest;

/**
 * BouncyCastle's {@code Digest} interface over the JDK's SHA-256, which the JVM compiles to the
 * CPU's SHA instructions ({@link Sha256}): for ECDSA P-256, whose signer hashes the whole signed
 * content (about 1.3 KB per application message) and whose RFC 6979 nonce generator runs
 * HMAC-SHA256 several times. The results are SHA-256's, so signatures are byte for byte the same
 * as with BouncyCastle's own {@code SHA256Digest}. One instance per signer; not thread-safe.
 */
final class JdkSha256Digest implements ExtendedDigest {
    private static final MessageDigest PROTOTYPE = newDigest();

    private final MessageDigest digest = copy();

    @Override
    public String getAlgorithmName() {
        return "SHA-256";
    }

    @Override
    public int getDigestSize() {
        return Sha256.LENGTH;
    }

    /** SHA-256's block size, which HMAC needs (RFC 2104). */
    @Override
    public int getByteLength() {
        return 64;
    }

    @Override
    public void update(byte in) {
        digest.update(in);
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        digest.update(in, inOff, len);
    }

    @Override
    public int doFinal(byte[] out, int outOff) {
        try {
            return digest.digest(out, outOff, Sha256.LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalArgumentException("no room for a SHA-256 digest", e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }

    private static MessageDigest copy() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
