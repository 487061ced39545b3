package org.vermerk.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vermerk.protocol.codec.Bytes;

/** The CRYPTO-* rules and the encodings of the BouncyCastle suites, each failure with its rule id. */
class CipherSuiteRulesTest {
    private static final byte[] NONCE = new byte[12];
    private static final byte[] AAD = {1, 2, 3};

    /** A random source that returns a fixed byte stream, so that "random" output can be compared. */
    private static SecureRandom counting() {
        return new SecureRandom() {
            private byte next;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = ++next;
                }
            }
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aeadOpenOfATamperedCiphertextFailsWithCrypto1(int id) throws Exception {
        CipherSuite suite = CipherSuites.byId(id);
        byte[] key = new byte[suite.aeadKeyLength()];
        byte[] sealed = suite.aeadSeal(key, NONCE, AAD, "hello".getBytes());
        assertThat(suite.aeadOpen(key, NONCE, AAD, sealed)).isEqualTo("hello".getBytes());

        sealed[sealed.length - 1] ^= 1;
        CryptoException e = assertThrows(CryptoException.class, () -> suite.aeadOpen(key, NONCE, AAD, sealed));
        assertThat(e.rule()).isEqualTo(CryptoRule.AEAD_TAG);
        assertThat(e.getMessage()).startsWith("CRYPTO-1");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aeadOpenUnderOtherAadFailsWithCrypto1(int id) throws Exception {
        CipherSuite suite = CipherSuites.byId(id);
        byte[] key = new byte[suite.aeadKeyLength()];
        byte[] sealed = suite.aeadSeal(key, NONCE, AAD, "hello".getBytes());
        CryptoException e = assertThrows(CryptoException.class, () -> suite.aeadOpen(key, NONCE, new byte[0], sealed));
        assertThat(e.rule().id()).isEqualTo("CRYPTO-1");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aeadSealWithTheSameKeyAndNonceTwiceGivesTheSameCiphertext(int id) throws Exception {
        CipherSuite suite = CipherSuites.byId(id);
        byte[] key = new byte[suite.aeadKeyLength()];
        assertThat(suite.aeadSeal(key, NONCE, AAD, new byte[40]))
                .isEqualTo(suite.aeadSeal(key, NONCE, AAD, new byte[40]));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void hpkeOpenWithAnotherPrivateKeyFailsWithCrypto2(int id) throws Exception {
        CipherSuite suite = CipherSuites.byId(id);
        KeyPair recipient = suite.generateHpkeKeyPair();
        KeyPair stranger = suite.generateHpkeKeyPair();
        HpkeCiphertext ct = suite.hpkeSeal(recipient.publicKey(), new byte[0], new byte[0], "x".getBytes());
        assertThat(suite.hpkeOpen(recipient.privateKey(), ct, new byte[0], new byte[0]))
                .isEqualTo("x".getBytes());

        CryptoException e = assertThrows(
                CryptoException.class, () -> suite.hpkeOpen(stranger.privateKey(), ct, new byte[0], new byte[0]));
        assertThat(e.rule()).isEqualTo(CryptoRule.HPKE_OPEN);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void hpkeOpenOfATruncatedKemOutputFailsWithCrypto2(int id) throws Exception {
        CipherSuite suite = CipherSuites.byId(id);
        KeyPair recipient = suite.generateHpkeKeyPair();
        HpkeCiphertext ct = suite.hpkeSeal(recipient.publicKey(), new byte[0], new byte[0], "x".getBytes());
        byte[] kem = ct.kemOutput().toByteArray();
        HpkeCiphertext truncated = new HpkeCiphertext(Bytes.of(Arrays.copyOf(kem, kem.length - 1)), ct.ciphertext());

        CryptoException e = assertThrows(
                CryptoException.class,
                () -> suite.hpkeOpen(recipient.privateKey(), truncated, new byte[0], new byte[0]));
        assertThat(e.rule()).isEqualTo(CryptoRule.HPKE_OPEN);
    }

    @Test
    void aCompressedP256PointIsRejectedWithCrypto3() throws Exception {
        CipherSuite suite = CipherSuites.byId(2);
        byte[] uncompressed = suite.generateHpkeKeyPair().publicKey().toByteArray();
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (2 + (uncompressed[64] & 1));
        System.arraycopy(uncompressed, 1, compressed, 1, 32);

        CryptoException e = assertThrows(
                CryptoException.class,
                () -> suite.hpkeSeal(Bytes.of(compressed), new byte[0], new byte[0], new byte[1]));
        assertThat(e.rule()).isEqualTo(CryptoRule.MALFORMED_PUBLIC_KEY);
        assertThat(suite.verify(Bytes.of(compressed), new byte[1], new byte[70]))
                .isFalse();
    }

    @Test
    void aP256PointOffTheCurveIsRejectedWithCrypto3() throws Exception {
        CipherSuite suite = CipherSuites.byId(2);
        byte[] point = suite.generateHpkeKeyPair().publicKey().toByteArray();
        point[64] ^= 1;
        CryptoException e = assertThrows(
                CryptoException.class, () -> suite.hpkeSeal(Bytes.of(point), new byte[0], new byte[0], new byte[1]));
        assertThat(e.rule().id()).isEqualTo("CRYPTO-3");
    }

    @Test
    void anX25519PublicKeyOfTheWrongLengthIsRejectedWithCrypto3() throws Exception {
        CipherSuite suite = CipherSuites.byId(1);
        CryptoException e = assertThrows(
                CryptoException.class,
                () -> suite.hpkeSeal(Bytes.of(new byte[31]), new byte[0], new byte[0], new byte[1]));
        assertThat(e.rule()).isEqualTo(CryptoRule.MALFORMED_PUBLIC_KEY);
    }

    @Test
    void aP256PrivateScalarOfZeroOrAtLeastTheOrderIsRejectedWithCrypto4() throws Exception {
        CipherSuite suite = CipherSuites.byId(2);
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xff);
        for (byte[] scalar : new byte[][] {new byte[32], allOnes}) {
            CryptoException e = assertThrows(CryptoException.class, () -> suite.signaturePublicKey(Secret.of(scalar)));
            assertThat(e.rule()).isEqualTo(CryptoRule.MALFORMED_PRIVATE_KEY);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void anEd25519PrivateKeyOfTheWrongLengthIsRejectedWithCrypto4(int id) throws Exception {
        CipherSuite suite = CipherSuites.byId(id);
        CryptoException e = assertThrows(CryptoException.class, () -> suite.sign(Secret.of(new byte[33]), new byte[1]));
        assertThat(e.rule()).isEqualTo(CryptoRule.MALFORMED_PRIVATE_KEY);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 5, 7, 0x0a0a, 0xffff})
    void anUnimplementedSuiteFailsWithCrypto5(int id) {
        UnsupportedCipherSuiteException e =
                assertThrows(UnsupportedCipherSuiteException.class, () -> CipherSuites.byId(id));
        assertThat(e.rule()).isEqualTo(CryptoRule.UNSUPPORTED_SUITE);
        assertThat(e.suite()).isEqualTo(id);
        assertThat(CipherSuites.isImplemented(id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aSignatureByAnotherKeyFailsWithCrypto6(int id) throws Exception {
        LabeledCrypto crypto = new LabeledCrypto(CipherSuites.byId(id));
        KeyPair signer = crypto.suite().generateSignatureKeyPair();
        KeyPair other = crypto.suite().generateSignatureKeyPair();
        Bytes signature = crypto.signWithLabel(other.privateKey(), "LeafNodeTBS", new byte[] {7});
        crypto.requireValidSignature(other.publicKey(), "LeafNodeTBS", new byte[] {7}, signature);

        CryptoException e = assertThrows(
                CryptoException.class,
                () -> crypto.requireValidSignature(signer.publicKey(), "LeafNodeTBS", new byte[] {7}, signature));
        assertThat(e.rule()).isEqualTo(CryptoRule.BAD_SIGNATURE);
    }

    @Test
    void ecdsaSignaturesAreDerAndRawRsSignaturesDoNotVerify() throws Exception {
        CipherSuite suite = CipherSuites.byId(2);
        KeyPair key = suite.generateSignatureKeyPair();
        byte[] der = suite.sign(key.privateKey(), new byte[] {1});
        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(suite.verify(key.publicKey(), new byte[] {1}, der)).isTrue();

        byte[] raw = new byte[64]; // r || s taken from the DER, as some other encodings would send it
        int rLength = der[3];
        byte[] r = Arrays.copyOfRange(der, 4, 4 + rLength);
        byte[] s = Arrays.copyOfRange(der, 6 + rLength, der.length);
        System.arraycopy(r, Math.max(0, r.length - 32), raw, 32 - Math.min(32, r.length), Math.min(32, r.length));
        System.arraycopy(s, Math.max(0, s.length - 32), raw, 64 - Math.min(32, s.length), Math.min(32, s.length));
        assertThat(suite.verify(key.publicKey(), new byte[] {1}, raw)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void keysAndHpkeCiphertextsComeFromTheInjectedRandomSource(int id) throws Exception {
        CipherSuite first = CipherSuites.byId(id, counting());
        CipherSuite second = CipherSuites.byId(id, counting());
        assertThat(first.generateSignatureKeyPair().publicKey())
                .isEqualTo(second.generateSignatureKeyPair().publicKey());
        Bytes pub = first.generateHpkeKeyPair().publicKey();
        assertThat(second.generateHpkeKeyPair().publicKey()).isEqualTo(pub);
        assertThat(first.hpkeSeal(pub, new byte[0], new byte[0], new byte[3]))
                .isEqualTo(second.hpkeSeal(pub, new byte[0], new byte[0], new byte[3]));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void anHpkeExportAgreesBetweenSenderAndReceiver(int id) throws Exception {
        CipherSuite suite = CipherSuites.byId(id);
        KeyPair receiver = suite.generateHpkeKeyPair();
        byte[] label = "MLS 1.0 external init secret".getBytes();
        HpkeExport sent = suite.hpkeExportSender(receiver.publicKey(), new byte[0], label, 32);
        byte[] received =
                suite.hpkeExportReceiver(receiver.privateKey(), sent.kemOutput().toByteArray(), new byte[0], label, 32);
        assertThat(received).isEqualTo(sent.exportedSecret().expose());
    }
}
