package org.vermerk.protocol.crypto;

import org.vermerk.protocol.ValidationRule;

/** Rules of the cryptographic layer (RFC 9420 §5, RFC 9180, RFC 5116). */
public enum CryptoRule implements ValidationRule {
    AEAD_TAG("CRYPTO-1", "an AEAD ciphertext must authenticate under its key, nonce and AAD (RFC 5116, §5.1)"),
    HPKE_OPEN(
            "CRYPTO-2", "an HPKE ciphertext must decapsulate and open under the recipient's key (RFC 9180 §5.2, §6.1)"),
    MALFORMED_PUBLIC_KEY(
            "CRYPTO-3", "a public key must be a valid key of the suite in its wire encoding (§5.1.1, RFC 9180 §7.1.1)"),
    MALFORMED_PRIVATE_KEY(
            "CRYPTO-4", "a private key must be a valid key of the suite in its serialized form (RFC 9180 §7.1.2)"),
    UNSUPPORTED_SUITE("CRYPTO-5", "the cipher suite must be one the engine implements (§17.1)"),
    BAD_SIGNATURE("CRYPTO-6", "a signature must verify under the signer's key and label (§5.1.2)");

    private final String id;
    private final String description;

    CryptoRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
