package org.vermerk.protocol.crypto.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;

/**
 * The P-256 curve with the encodings MLS uses: public keys as uncompressed points (65 bytes,
 * {@code 0x04 || X || Y}, RFC 8446 UncompressedPointRepresentation), private keys as 32-byte
 * big-endian scalars in [1, n-1] (Field-Element-to-Octet-String, RFC 9180 §7.1.2).
 */
final class P256 {
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CustomNamedCurves.getByName("P-256"));
    static final int SCALAR_LENGTH = 32;
    static final int POINT_LENGTH = 65;

    private P256() {}

    static byte[] randomScalar(SecureRandom random) {
        BigInteger d =
                BigIntegers.createRandomInRange(BigInteger.ONE, DOMAIN.getN().subtract(BigInteger.ONE), random);
        return BigIntegers.asUnsignedByteArray(SCALAR_LENGTH, d);
    }

    static ECPrivateKeyParameters privateKey(byte[] encoded) throws CryptoException {
        if (encoded.length != SCALAR_LENGTH) {
            throw new CryptoException(
                    CryptoRule.MALFORMED_PRIVATE_KEY, "P-256 private key has " + encoded.length + " bytes, not 32");
        }
        BigInteger d = BigIntegers.fromUnsignedByteArray(encoded);
        if (d.signum() == 0 || d.compareTo(DOMAIN.getN()) >= 0) {
            throw new CryptoException(CryptoRule.MALFORMED_PRIVATE_KEY, "P-256 private scalar out of range");
        }
        return new ECPrivateKeyParameters(d, DOMAIN);
    }

    /**
     * d·G by BouncyCastle's fixed-base comb, whose table lookups do not depend on d (the same
     * multiplier its ECDSA signing and DHKEM key derivation use). Not {@code G.multiply(d)}: the
     * curve's default multiplier is a width-w NAF, whose running time depends on the secret d
     * (ADR 0026); this runs for signature keys and for every HPKE open with the receiver's key.
     */
    static byte[] publicKeyOf(byte[] privateKey) throws CryptoException {
        ECPoint q = new FixedPointCombMultiplier()
                .multiply(DOMAIN.getG(), privateKey(privateKey).getD())
                .normalize();
        return q.getEncoded(false);
    }

    static ECPublicKeyParameters publicKey(byte[] encoded) throws CryptoException {
        if (encoded.length != POINT_LENGTH || encoded[0] != 0x04) {
            throw new CryptoException(
                    CryptoRule.MALFORMED_PUBLIC_KEY, "P-256 public key is not an uncompressed point of 65 bytes");
        }
        try {
            ECPoint point = DOMAIN.getCurve().decodePoint(encoded);
            return new ECPublicKeyParameters(DOMAIN.validatePublicPoint(point), DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoRule.MALFORMED_PUBLIC_KEY, "P-256 public key is not on the curve");
        }
    }
}
