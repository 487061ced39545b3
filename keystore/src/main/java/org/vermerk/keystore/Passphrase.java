package org.vermerk.keystore;

import java.util.Arrays;

/**
 * A passphrase held as characters that can be wiped. It never prints; {@link #destroy()} overwrites
 * it, and using it afterwards fails. The store never keeps a passphrase beyond the call it was
 * given to.
 */
public final class Passphrase {
    private final char[] chars; // guarded by this

    private boolean destroyed; // guarded by this

    private Passphrase(char[] owned) {
        this.chars = owned;
    }

    /** Copies the characters; the caller should wipe its own array. */
    public static Passphrase of(char[] chars) {
        if (chars.length == 0) {
            throw new IllegalArgumentException("passphrase is empty");
        }
        return new Passphrase(chars.clone());
    }

    /** A copy of the characters; the caller wipes it when done. */
    public synchronized char[] expose() {
        if (destroyed) {
            throw new IllegalStateException("passphrase was destroyed");
        }
        return chars.clone();
    }

    /** Overwrites the characters; idempotent. */
    public synchronized void destroy() {
        Arrays.fill(chars, '\0');
        destroyed = true;
    }

    @Override
    public String toString() {
        return "Passphrase[***]";
    }
}
