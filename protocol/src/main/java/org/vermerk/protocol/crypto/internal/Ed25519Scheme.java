package org.vermerk.protocol.crypto.internal;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;

/** Ed25519 (RFC 8032): 32-byte keys, 64-byte signatures {@code R || S}. */
final class Ed25519Scheme implements SignatureScheme {
    /**
     * Parsed keys with their tables for {@link Ed25519Verifier}, about 8 KB each: at most 2048
     * keys (16 MB), enough for two groups of 1000 members before keys are parsed again.
     */
    private final PublicKeyCache<Ed25519Verifier.PublicKey> publicKeys = new PublicKeyCache<>(2048);

    @Override
    public byte[] generatePrivateKey(SecureRandom random) {
        return new Ed25519PrivateKeyParameters(random).getEncoded();
    }

    @Override
    public byte[] publicKey(byte[] privateKey) throws CryptoException {
        return privateKey(privateKey).generatePublicKey().getEncoded();
    }

    @Override
    public byte[] sign(byte[] privateKey, byte[] message) throws CryptoException {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey(privateKey));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public boolean signsFasterWithPublicKey() {
        return true;
    }

    /** Skips the scalar multiplication that derives the public key, about half the cost of signing. */
    @Override
    public byte[] sign(byte[] privateKey, byte[] derivedPublicKey, byte[] message) throws CryptoException {
        checkPrivateKey(privateKey);
        if (derivedPublicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 public key has " + derivedPublicKey.length + " bytes, not 32");
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, derivedPublicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /**
     * Accepts exactly what {@code Ed25519Signer.verifySignature} (pure Ed25519, no context)
     * accepts, computed by {@link Ed25519Verifier} (variable time, public inputs only; ADR 0025)
     * with the public key parsed once per key ({@link PublicKeyCache}).
     */
    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE || signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Verifier.PublicKey key = publicKeys.get(publicKey);
        if (key == null) {
            key = Ed25519Verifier.parse(publicKey);
            if (key == null) {
                return false;
            }
            publicKeys.put(publicKey, key);
        }
        return Ed25519Verifier.verify(key, message, signature);
    }

    private static Ed25519PrivateKeyParameters privateKey(byte[] encoded) throws CryptoException {
        checkPrivateKey(encoded);
        return new Ed25519PrivateKeyParameters(encoded);
    }

    private static void checkPrivateKey(byte[] encoded) throws CryptoException {
        if (encoded.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new CryptoException(
                    CryptoRule.MALFORMED_PRIVATE_KEY, "Ed25519 private key has " + encoded.length + " bytes, not 32");
        }
    }
}
