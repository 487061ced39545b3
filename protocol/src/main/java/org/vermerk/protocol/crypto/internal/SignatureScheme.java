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

    /** False for a wrong signature, a malformed signature or a malformed public key. */
    boolean verify(byte[] publicKey, byte[] message, byte[] signature);
}
