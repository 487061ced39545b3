package org.vermerk.app.records;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 digest: 32 bytes, copied in and out, printed as lower-case hex. */
public final class Sha256 {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] value;

    private Sha256(byte[] owned) {
        if (owned.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + owned.length);
        }
        this.value = owned;
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(digest.clone());
    }

    public static Sha256 fromHex(String hex) {
        return new Sha256(HEX.parseHex(hex));
    }

    /** The digest of {@code data}. */
    public static Sha256 digest(byte[] data) {
        return new Sha256(newDigest().digest(data));
    }

    /** A fresh SHA-256 {@link MessageDigest}; every JDK has one. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Takes the digest a {@link MessageDigest} has computed (and resets it). */
    public static Sha256 finish(MessageDigest digest) {
        return new Sha256(digest.digest());
    }

    public byte[] toByteArray() {
        return value.clone();
    }

    public String hex() {
        return HEX.formatHex(value);
    }

    /** Constant-time comparison; digests are public but the habit costs nothing. */
    public boolean matches(Sha256 other) {
        return MessageDigest.isEqual(value, other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sha256 that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
