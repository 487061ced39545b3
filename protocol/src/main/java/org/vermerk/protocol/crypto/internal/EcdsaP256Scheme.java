package org.vermerk.protocol.crypto.internal;

import java.security.SecureRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.vermerk.protocol.crypto.CryptoException;

/**
 * ECDSA over P-256 with SHA-256 (ecdsa_secp256r1_sha256): signatures DER-encoded as RFC 9420
 * §5.1.2 requires (via RFC 8446), nonces deterministic (RFC 6979) so that signing never depends
 * on the quality of a random source. Verification rejects signatures whose DER is not canonical.
 */
final class EcdsaP256Scheme implements SignatureScheme {
    /**
     * Parsed keys with their tables for {@link P256Verifier}, about 4 KB each: at most 2048 keys
     * (8 MB), enough for two groups of 1000 members before keys are parsed again.
     */
    private final PublicKeyCache<P256Verifier.PublicKey> publicKeys = new PublicKeyCache<>(2048);

    @Override
    public byte[] generatePrivateKey(SecureRandom random) {
        return P256.randomScalar(random);
    }

    @Override
    public byte[] publicKey(byte[] privateKey) throws CryptoException {
        return P256.publicKeyOf(privateKey);
    }

    @Override
    public byte[] sign(byte[] privateKey, byte[] message) throws CryptoException {
        DSADigestSigner signer = newSigner();
        signer.init(true, P256.privateKey(privateKey));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /**
     * Accepts exactly what BouncyCastle's {@code DSADigestSigner} (ECDSA, SHA-256, DER) accepts
     * for a key {@link P256#publicKey} accepts, computed by {@link P256Verifier} (variable time,
     * public inputs only; ADR 0026) with the key parsed once per key ({@link PublicKeyCache}).
     */
    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        P256Verifier.PublicKey key = publicKeys.get(publicKey);
        if (key == null) {
            key = P256Verifier.parse(publicKey);
            if (key == null) {
                return false;
            }
            publicKeys.put(publicKey, key);
        }
        return P256Verifier.verify(key, message, signature);
    }

    /** SHA-256 from the JDK ({@link JdkSha256Digest}) for the message hash and RFC 6979's HMAC. */
    private static DSADigestSigner newSigner() {
        return new DSADigestSigner(
                new ECDSASigner(new HMacDSAKCalculator(new JdkSha256Digest())),
                new JdkSha256Digest(),
                StandardDSAEncoding.INSTANCE);
    }
}
