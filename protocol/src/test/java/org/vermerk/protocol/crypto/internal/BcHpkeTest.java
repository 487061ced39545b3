package org.vermerk.protocol.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.HpkeCiphertext;
import org.vermerk.protocol.crypto.HpkeExport;
import org.vermerk.protocol.crypto.KeyPair;

/**
 * The engine's HPKE (own KEM, key schedule and exporter, the suite's AEAD) against BouncyCastle's
 * {@link HPKE} for the three suites, in both directions: what one seals or exports, the other opens
 * or exports alike. The official vectors (crypto-basics, treekem, welcome) check the opening side
 * against other implementations.
 */
class BcHpkeTest {
    private static final byte[] INFO = {9, 8, 7};
    private static final byte[] AAD = new byte[100_000];
    private static final byte[] PLAINTEXT = "group secrets".getBytes();

    private record Suite(BcHpke engine, HPKE reference) {}

    private static Suite suite(int id) {
        SecureRandom random = new SecureRandom();
        return switch (id) {
            case 1 ->
                new Suite(
                        new BcHpke(
                                HPKE.kem_X25519_SHA256,
                                HPKE.kdf_HKDF_SHA256,
                                HPKE.aead_AES_GCM128,
                                KemKeys.X25519,
                                new JdkAesGcm(16),
                                random),
                        new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128));
            case 2 ->
                new Suite(
                        new BcHpke(
                                HPKE.kem_P256_SHA256,
                                HPKE.kdf_HKDF_SHA256,
                                HPKE.aead_AES_GCM128,
                                KemKeys.P256_KEYS,
                                new JdkAesGcm(16),
                                random),
                        new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128));
            default ->
                new Suite(
                        new BcHpke(
                                HPKE.kem_X25519_SHA256,
                                HPKE.kdf_HKDF_SHA256,
                                HPKE.aead_CHACHA20_POLY1305,
                                KemKeys.X25519,
                                BcAead.chaCha20Poly1305(),
                                random),
                        new HPKE(
                                HPKE.mode_base,
                                HPKE.kem_X25519_SHA256,
                                HPKE.kdf_HKDF_SHA256,
                                HPKE.aead_CHACHA20_POLY1305));
        };
    }

    private static AsymmetricCipherKeyPair referencePair(HPKE reference, KeyPair pair) {
        return reference.deserializePrivateKey(
                pair.privateKey().expose(), pair.publicKey().toByteArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void whatTheEngineSealsBouncyCastleOpens(int id) throws Exception {
        Suite suite = suite(id);
        KeyPair recipient = suite.engine().generateKeyPair();
        HpkeCiphertext sealed = suite.engine().seal(recipient.publicKey(), INFO, AAD, PLAINTEXT);

        HPKEContext context = suite.reference()
                .setupBaseR(sealed.kemOutput().toByteArray(), referencePair(suite.reference(), recipient), INFO);
        assertThat(context.open(AAD, sealed.ciphertext().toByteArray())).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void whatBouncyCastleSealsTheEngineOpens(int id) throws Exception {
        Suite suite = suite(id);
        KeyPair recipient = suite.engine().generateKeyPair();
        HPKEContextWithEncapsulation context = suite.reference()
                .setupBaseS(
                        suite.reference()
                                .deserializePublicKey(recipient.publicKey().toByteArray()),
                        INFO);
        byte[] ciphertext = context.seal(AAD, PLAINTEXT);

        HpkeCiphertext sealed = new HpkeCiphertext(Bytes.of(context.getEncapsulation()), Bytes.of(ciphertext));
        assertThat(suite.engine().open(recipient.privateKey(), sealed, INFO, AAD))
                .isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void bothExportTheSameSecret(int id) throws Exception {
        Suite suite = suite(id);
        KeyPair recipient = suite.engine().generateKeyPair();
        byte[] exporterContext = {1, 2};
        HpkeExport export = suite.engine().exportSender(recipient.publicKey(), INFO, exporterContext, 32);

        HPKEContext context = suite.reference()
                .setupBaseR(export.kemOutput().toByteArray(), referencePair(suite.reference(), recipient), INFO);
        assertThat(context.export(exporterContext, 32))
                .isEqualTo(export.exportedSecret().expose());
        assertThat(suite.engine()
                        .exportReceiver(
                                recipient.privateKey(), export.kemOutput().toByteArray(), INFO, exporterContext, 32))
                .isEqualTo(export.exportedSecret().expose());
    }
}
