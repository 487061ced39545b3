package org.vermerk.protocol.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Secret bytes: key material, private keys, epoch secrets. A secret never prints (its {@code
 * toString} is {@code Secret[***]}), compares in constant time, copies on the way in and out, and
 * can be wiped with {@link #destroy()} once it is no longer needed; using it afterwards fails.
 */
public final class Secret {
    private final byte[] value;
    private boolean destroyed;
    // One memoised public value derived from the secret (see publicDerivation); never secret itself.
    private Object derivationKind;
    private Object derivation;

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
        derivationKind = null;
        derivation = null;
    }

    /**
     * A <em>public</em> value computed from the secret bytes, such as the public key of a private
     * key, computed by {@code derive} on first use and kept with this secret for later calls with
     * the same {@code kind} (compared by identity; one value is kept, a different kind replaces it).
     * {@code derive} receives a copy of the bytes, which is wiped afterwards; it returns null when it
     * cannot derive a value, and nothing is kept then. Never use this for values that must stay
     * secret: they would outlive {@link #destroy()} in the caller's hands. Thread-safe.
     */
    public synchronized <T> T publicDerivation(Object kind, Class<T> type, Function<byte[], T> derive) {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
        if (derivationKind == kind && type.isInstance(derivation)) {
            return type.cast(derivation);
        }
        byte[] copy = value.clone();
        try {
            T derived = derive.apply(copy);
            if (derived != null) {
                derivationKind = kind;
                derivation = derived;
            }
            return derived;
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
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
