package org.vermerk.protocol.secrettree;

import java.util.Arrays;
import java.util.Objects;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.SenderDataSecret;

/**
 * The key and nonce that protect a PrivateMessage's sender data (RFC 9420 §6.3.2):
 *
 * <pre>
 * ciphertext_sample = ciphertext[0..KDF.Nh-1]      // the whole ciphertext when shorter
 * sender_data_key   = ExpandWithLabel(sender_data_secret, "key",   ciphertext_sample, AEAD.Nk)
 * sender_data_nonce = ExpandWithLabel(sender_data_secret, "nonce", ciphertext_sample, AEAD.Nn)
 * </pre>
 */
public record SenderDataKeys(Secret key, Secret nonce) {
    public SenderDataKeys {
        Objects.requireNonNull(key);
        Objects.requireNonNull(nonce);
    }

    /** The keys for the content {@code ciphertext} of one PrivateMessage. */
    public static SenderDataKeys derive(LabeledCrypto crypto, SenderDataSecret secret, byte[] ciphertext) {
        byte[] sample = Arrays.copyOf(
                ciphertext, Math.min(ciphertext.length, crypto.suite().hashLength()));
        return new SenderDataKeys(
                crypto.expandWithLabel(
                        secret.secret(), "key", sample, crypto.suite().aeadKeyLength()),
                crypto.expandWithLabel(
                        secret.secret(), "nonce", sample, crypto.suite().aeadNonceLength()));
    }

    public void destroy() {
        key.destroy();
        nonce.destroy();
    }
}
