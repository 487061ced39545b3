package org.vermerk.protocol.crypto.internal;

import java.security.SecureRandom;
import org.vermerk.protocol.crypto.CryptoException;

/** One signature algorithm with MLS's key and signature encodings (RFC 9420 §5.1.1, §5.1.2). */
interface SignatureScheme {
    /** A fresh private key in its serialized form. */
    byte[] generatePrivateKey(SecureRandom random);

    /** The encoded public key of a serialized private key; CRYPTO-4 when it is malformed. */
    byte[] publicKey(byte[] privateKey) throws CryptoException;

    /** CRYPTO-4 when the private key is malformed. */
    byte[] sign(byte[] privateKey, byte[] message) throws CryptoException;

    /** Whether {@link #sign(byte[], byte[], byte[])} is faster than signing without the public key. */
    default boolean signsFasterWithPublicKey() {
        return false;
    }

    /**
     * The same signature as {@link #sign(byte[], byte[])}, given the public key that {@link
     * #publicKey} computed from this very private key, so that schemes which need it (Ed25519) do
     * not recompute it. Never pass a public key from anywhere else: for Ed25519, signing with a
     * mismatched public key can leak the private key.
     */
    default byte[] sign(byte[] privateKey, byte[] derivedPublicKey, byte[] message) throws CryptoException {
        return sign(privateKey, message);
    }

    /** False for a wrong signature, a malformed signature or a malformed public key. */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
