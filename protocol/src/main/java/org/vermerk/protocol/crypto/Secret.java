package org.vermerk.protocol.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Secret bytes: key material, private keys, epoch secrets. A secret never prints (its {@code
 * toString} is {@code Secret[***]}), compares in constant time, copies on the way in and out, and
 * can be wiped with {@link #destroy()} once it is no longer needed; using it afterwards fails.
 */
public final class Secret {
    private final byte[] value;
    private boolean destroyed;

    private Secret(byte[] owned) {
        this.value = owned;
    }

    public static Secret of(byte[] value) {
        return new Secret(value.clone());
    }

    /** Takes ownership of an array that the caller will not use again. */
    public static Secret wrap(byte[] owned) {
        return new Secret(owned);
    }

    public static Secret zero(int length) {
        return new Secret(new byte[length]);
    }

    public int size() {
        return value.length;
    }

    /** A copy of the secret bytes; the caller should wipe it when done. */
    public synchronized byte[] expose() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
        return value.clone();
    }

    /** Overwrites the bytes with zeros; later use fails. Idempotent. */
    public synchronized void destroy() {
        Arrays.fill(value, (byte) 0);
        destroyed = true;
    }

    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    /** Constant-time comparison with another secret. */
    public boolean equalsSecret(Secret other) {
        return MessageDigest.isEqual(expose(), other.expose());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && equalsSecret(that);
    }

    @Override
    public int hashCode() {
        return value.length; // deliberately weak: a hash must not leak the secret
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
