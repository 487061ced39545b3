package org.vermerk.protocol.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.crypto.CryptoException;

/**
 * ECDSA P-256 on the JDK's SHA-256 ({@link JdkSha256Digest}) signs byte for byte as BouncyCastle's
 * signer on its own {@code SHA256Digest} (RFC 6979 makes the signature a function of key and
 * message), and both accept each other's signatures and refuse altered ones.
 */
class EcdsaP256SchemeTest {
    @Test
    void signaturesEqualThoseOnBouncyCastlesSha256() throws CryptoException {
        EcdsaP256Scheme scheme = new EcdsaP256Scheme();
        Random random = new Random(6979);
        java.security.SecureRandom keys = new java.security.SecureRandom();
        for (int i = 0; i < 60; i++) {
            byte[] privateKey = scheme.generatePrivateKey(keys);
            byte[] publicKey = scheme.publicKey(privateKey);
            byte[] message = new byte[random.nextInt(i % 5 == 0 ? 3000 : 100)];
            random.nextBytes(message);
            byte[] signature = scheme.sign(privateKey, message);

            DSADigestSigner reference = new DSADigestSigner(
                    new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                    new SHA256Digest(),
                    StandardDSAEncoding.INSTANCE);
            reference.init(true, P256.privateKey(privateKey));
            reference.update(message, 0, message.length);
            assertThat(signature).isEqualTo(reference.generateSignature());

            reference.init(false, P256.publicKey(publicKey));
            reference.update(message, 0, message.length);
            assertThat(reference.verifySignature(signature)).isTrue();
            assertThat(scheme.verify(publicKey, message, signature)).isTrue();
            byte[] altered = signature.clone();
            altered[random.nextInt(altered.length)] ^= (byte) (1 << random.nextInt(8));
            assertThat(scheme.verify(publicKey, message, altered)).isFalse();
        }
    }

    /** The comb (constant-time lookups) gives the same public keys as the curve's default multiplier. */
    @Test
    void publicKeysEqualTheDefaultMultipliersIncludingEdgeScalars() throws CryptoException {
        java.math.BigInteger n = P256.DOMAIN.getN();
        java.util.List<java.math.BigInteger> scalars = new java.util.ArrayList<>(java.util.List.of(
                java.math.BigInteger.ONE,
                java.math.BigInteger.TWO,
                n.subtract(java.math.BigInteger.ONE),
                n.subtract(java.math.BigInteger.TWO),
                java.math.BigInteger.ONE.shiftLeft(255),
                java.math.BigInteger.ONE
                        .shiftLeft(256)
                        .subtract(java.math.BigInteger.ONE)
                        .mod(n)));
        Random random = new Random(5903);
        for (int i = 0; i < 200; i++) {
            scalars.add(new java.math.BigInteger(256, random)
                    .mod(n.subtract(java.math.BigInteger.ONE))
                    .add(java.math.BigInteger.ONE));
        }
        for (java.math.BigInteger d : scalars) {
            byte[] encoded = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, d);
            assertThat(P256.publicKeyOf(encoded))
                    .isEqualTo(P256.DOMAIN.getG().multiply(d).normalize().getEncoded(false));
        }
    }

    @Test
    void digestMatchesShaOfTheSameBytesAcrossResets() {
        JdkSha256Digest ours = new JdkSha256Digest();
        SHA256Digest theirs = new SHA256Digest();
        byte[] data = new byte[200];
        new Random(1).nextBytes(data);
        for (int round = 0; round < 2; round++) {
            ours.update((byte) 7);
            theirs.update((byte) 7);
            ours.update(data, 3, 150);
            theirs.update(data, 3, 150);
            byte[] a = new byte[40];
            byte[] b = new byte[40];
            assertThat(ours.doFinal(a, 8)).isEqualTo(32);
            theirs.doFinal(b, 8);
            assertThat(a).isEqualTo(b);
        }
        ours.update(data, 0, 10);
        ours.reset();
        byte[] empty = new byte[32];
        ours.doFinal(empty, 0);
        byte[] expected = new byte[32];
        new SHA256Digest().doFinal(expected, 0);
        assertThat(empty).isEqualTo(expected);
        assertThat(ours.getByteLength()).isEqualTo(theirs.getByteLength());
        assertThat(ours.getAlgorithmName()).isEqualTo(theirs.getAlgorithmName());
    }
}
