package org.vermerk.protocol.secrettree;

import java.util.Objects;
import org.vermerk.protocol.crypto.Secret;

/**
 * The AEAD key and nonce of one generation of a sender ratchet (RFC 9420 §9.1): {@code
 * ratchet_key_[N]_[j]} and {@code ratchet_nonce_[N]_[j]}. Single-use: the tree has already deleted
 * its copy; the holder wipes this one with {@link #destroy()} after the one encryption or
 * successful decryption (§9.2).
 */
public record KeyAndNonce(long generation, Secret key, Secret nonce) {
    public KeyAndNonce {
        Objects.requireNonNull(key);
        Objects.requireNonNull(nonce);
    }

    public void destroy() {
        key.destroy();
        nonce.destroy();
    }
}
