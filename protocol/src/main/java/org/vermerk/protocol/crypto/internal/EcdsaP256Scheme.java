package org.vermerk.protocol.crypto.internal;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
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
    /** Decoded and validated public keys (on the curve, not the identity), once per key. */
    private final PublicKeyCache<ECPublicKeyParameters> publicKeys = new PublicKeyCache<>();

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

    @Override
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        ECPublicKeyParameters key = publicKeys.get(publicKey);
        if (key == null) {
            try {
                key = publicKeys.put(publicKey, P256.publicKey(publicKey));
            } catch (CryptoException e) {
                return false;
            }
        }
        DSADigestSigner verifier = newSigner();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** SHA-256 from the JDK ({@link JdkSha256Digest}) for the message hash and RFC 6979's HMAC. */
    private static DSADigestSigner newSigner() {
        return new DSADigestSigner(
                new ECDSASigner(new HMacDSAKCalculator(new JdkSha256Digest())),
                new JdkSha256Digest(),
                StandardDSAEncoding.INSTANCE);
    }
}
