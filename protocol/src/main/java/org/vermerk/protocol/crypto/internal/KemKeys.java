package org.vermerk.protocol.crypto.internal;

import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;

/**
 * The key encodings of a DH-based KEM (RFC 9180 §7.1): checks that serialized keys have the
 * right form before BouncyCastle parses them, and computes a private key's public key.
 */
enum KemKeys {
    /** DHKEM(X25519, HKDF-SHA256): 32-byte keys as in RFC 7748. */
    X25519(32) {
        @Override
        void checkPublicKey(byte[] encoded) throws CryptoException {
            if (encoded.length != 32) {
                throw new CryptoException(
                        CryptoRule.MALFORMED_PUBLIC_KEY, "X25519 public key has " + encoded.length + " bytes, not 32");
            }
        }

        @Override
        byte[] publicKeyOf(byte[] privateKey) throws CryptoException {
            if (privateKey.length != 32) {
                throw new CryptoException(
                        CryptoRule.MALFORMED_PRIVATE_KEY, "X25519 private key has " + privateKey.length + " bytes");
            }
            return new X25519PrivateKeyParameters(privateKey)
                    .generatePublicKey()
                    .getEncoded();
        }
    },
    /** DHKEM(P-256, HKDF-SHA256): uncompressed points and 32-byte scalars. */
    P256_KEYS(32) {
        @Override
        void checkPublicKey(byte[] encoded) throws CryptoException {
            P256.publicKey(encoded);
        }

        @Override
        byte[] publicKeyOf(byte[] privateKey) throws CryptoException {
            return P256.publicKeyOf(privateKey);
        }
    };

    /** Nsk: the size of a serialized private key, also the seed size used for fresh keys. */
    final int privateKeyLength;

    KemKeys(int privateKeyLength) {
        this.privateKeyLength = privateKeyLength;
    }

    /** CRYPTO-3 unless {@code encoded} is a valid public key. */
    abstract void checkPublicKey(byte[] encoded) throws CryptoException;

    /** CRYPTO-4 unless {@code privateKey} is a valid private key. */
    abstract byte[] publicKeyOf(byte[] privateKey) throws CryptoException;
}
