package org.vermerk.protocol.crypto.internal;

import org.vermerk.protocol.crypto.CryptoException;

/**
 * One AEAD algorithm (RFC 5116) as MLS uses it: single-shot, the tag appended to the ciphertext.
 * Implementations are stateless and thread-safe. Public so that the benchmarks can compare them;
 * not part of the engine's API.
 */
public interface Aead {
    /** Nk in bytes. */
    int keyLength();

    /** Nn in bytes. */
    int nonceLength();

    byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext);

    /** The plaintext, or CRYPTO-1 when the tag does not verify. */
    byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) throws CryptoException;

    /** Fails with {@link IllegalArgumentException} unless key and nonce have the algorithm's sizes. */
    default void checkSizes(byte[] key, byte[] nonce) {
        if (key.length != keyLength() || nonce.length != nonceLength()) {
            throw new IllegalArgumentException("AEAD key must have " + keyLength() + " bytes and nonce " + nonceLength()
                    + ", got " + key.length + " and " + nonce.length);
        }
    }
}
