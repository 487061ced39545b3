package org.vermerk.protocol.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;
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
        return suite(id, new SecureRandom());
    }

    private static Suite suite(int id, SecureRandom random) {
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

    /**
     * The batch that a large commit or Welcome seals runs in parallel from {@link
     * BcHpke#PARALLEL_FROM} seals on: it gives, in order, exactly the ciphertexts that sealing one
     * by one gives with the same random source, and each opens for its own recipient.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void sealEachEqualsSealingOneByOne(int id) throws Exception {
        Suite keys = suite(id);
        List<KeyPair> recipients = new ArrayList<>();
        List<Bytes> publicKeys = new ArrayList<>();
        List<byte[]> plaintexts = new ArrayList<>();
        for (int i = 0; i < 3 * BcHpke.PARALLEL_FROM; i++) {
            KeyPair recipient = keys.engine().generateKeyPair();
            recipients.add(recipient);
            publicKeys.add(recipient.publicKey());
            plaintexts.add(new byte[] {(byte) i, 1, 2});
        }
        List<HpkeCiphertext> batch = suite(id, seeded()).engine().sealEach(publicKeys, INFO, PLAINTEXT, plaintexts);

        BcHpke oneByOne = suite(id, seeded()).engine();
        assertThat(batch).hasSize(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            HpkeCiphertext single = oneByOne.seal(publicKeys.get(i), INFO, PLAINTEXT, plaintexts.get(i));
            assertThat(batch.get(i)).isEqualTo(single);
            HPKEContext context = keys.reference()
                    .setupBaseR(
                            batch.get(i).kemOutput().toByteArray(),
                            referencePair(keys.reference(), recipients.get(i)),
                            INFO);
            assertThat(context.open(PLAINTEXT, batch.get(i).ciphertext().toByteArray()))
                    .isEqualTo(plaintexts.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aMalformedKeyFailsTheWholeBatch(int id) {
        Suite suite = suite(id);
        List<Bytes> publicKeys = new ArrayList<>();
        List<byte[]> plaintexts = new ArrayList<>();
        for (int i = 0; i < 2 * BcHpke.PARALLEL_FROM; i++) {
            publicKeys.add(
                    i == 5
                            ? Bytes.of(new byte[7])
                            : suite.engine().generateKeyPair().publicKey());
            plaintexts.add(PLAINTEXT);
        }
        assertThatThrownBy(() -> suite.engine().sealEach(publicKeys, INFO, new byte[0], plaintexts))
                .isInstanceOfSatisfying(
                        CryptoException.class, e -> assertThat(e.rule()).isEqualTo(CryptoRule.MALFORMED_PUBLIC_KEY));
    }

    /** A random source that repeats: SHA1PRNG seeded before its first use. */
    private static SecureRandom seeded() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(new byte[] {4, 2});
        return random;
    }
}
