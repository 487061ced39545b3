package org.vermerk.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vermerk.protocol.kat.TestVectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.kat.TestVectors;

/**
 * The official vectors {@code crypto-basics.json}: one entry per cipher suite, each an object
 * {@code {cipher_suite, ref_hash, expand_with_label, derive_secret, derive_tree_secret,
 * sign_with_label, encrypt_with_label}}, all binary values hex. Per entry this test checks:
 *
 * <ul>
 *   <li>{@code ref_hash}: {@code out == RefHash(label, value)} (§5.2);
 *   <li>{@code expand_with_label}: {@code out == ExpandWithLabel(secret, label, context, length)} (§8);
 *   <li>{@code derive_secret}: {@code out == DeriveSecret(secret, label)} (§8);
 *   <li>{@code derive_tree_secret}: {@code out == DeriveTreeSecret(secret, label, generation, length)} (§9.1);
 *   <li>{@code sign_with_label}: {@code pub} is the public key of {@code priv}; {@code signature}
 *       verifies with VerifyWithLabel; a fresh SignWithLabel verifies too, and does not verify
 *       under another label (§5.1.2);
 *   <li>{@code encrypt_with_label}: {@code pub} is the public key of {@code priv};
 *       DecryptWithLabel of ({@code kem_output}, {@code ciphertext}) is {@code plaintext}; a fresh
 *       EncryptWithLabel decrypts to {@code plaintext} as well, and fails with CRYPTO-2 under
 *       another context (§5.1.3).
 * </ul>
 *
 * Entries of suites the engine does not implement are reported as skipped.
 */
class CryptoBasicsVectorTest {
    @TestFactory
    Stream<DynamicTest> everyEntryMatchesTheLabeledFunctions() {
        return TestVectors.entriesBySuite("crypto-basics.json", CryptoBasicsVectorTest::check);
    }

    private static void check(JsonNode entry) throws Exception {
        LabeledCrypto crypto =
                new LabeledCrypto(CipherSuites.byId(entry.get("cipher_suite").asInt()));

        JsonNode refHash = entry.get("ref_hash");
        assertThat(crypto.refHash(refHash.get("label").asText(), hex(refHash, "value"))
                        .toByteArray())
                .isEqualTo(hex(refHash, "out"));

        JsonNode expand = entry.get("expand_with_label");
        assertThat(crypto.expandWithLabel(
                                Secret.of(hex(expand, "secret")),
                                expand.get("label").asText(),
                                hex(expand, "context"),
                                expand.get("length").asInt())
                        .expose())
                .isEqualTo(hex(expand, "out"));

        JsonNode derive = entry.get("derive_secret");
        assertThat(crypto.deriveSecret(
                                Secret.of(hex(derive, "secret")),
                                derive.get("label").asText())
                        .expose())
                .isEqualTo(hex(derive, "out"));

        JsonNode tree = entry.get("derive_tree_secret");
        assertThat(crypto.deriveTreeSecret(
                                Secret.of(hex(tree, "secret")),
                                tree.get("label").asText(),
                                tree.get("generation").asLong(),
                                tree.get("length").asInt())
                        .expose())
                .isEqualTo(hex(tree, "out"));

        checkSignature(crypto, entry.get("sign_with_label"));
        checkEncryption(crypto, entry.get("encrypt_with_label"));
    }

    private static void checkSignature(LabeledCrypto crypto, JsonNode sign) throws Exception {
        Secret priv = Secret.of(hex(sign, "priv"));
        Bytes pub = Bytes.of(hex(sign, "pub"));
        String label = sign.get("label").asText();
        byte[] content = hex(sign, "content");

        assertThat(crypto.suite().signaturePublicKey(priv)).isEqualTo(pub);
        assertThat(crypto.verifyWithLabel(pub, label, content, Bytes.of(hex(sign, "signature"))))
                .isTrue();
        Bytes fresh = crypto.signWithLabel(priv, label, content);
        assertThat(crypto.verifyWithLabel(pub, label, content, fresh)).isTrue();
        assertThat(crypto.verifyWithLabel(pub, label + "X", content, fresh)).isFalse();
    }

    private static void checkEncryption(LabeledCrypto crypto, JsonNode encrypt) throws Exception {
        Secret priv = Secret.of(hex(encrypt, "priv"));
        Bytes pub = Bytes.of(hex(encrypt, "pub"));
        String label = encrypt.get("label").asText();
        byte[] context = hex(encrypt, "context");
        byte[] plaintext = hex(encrypt, "plaintext");

        assertThat(crypto.suite().hpkePublicKey(priv)).isEqualTo(pub);
        HpkeCiphertext given =
                new HpkeCiphertext(Bytes.of(hex(encrypt, "kem_output")), Bytes.of(hex(encrypt, "ciphertext")));
        assertThat(crypto.decryptWithLabel(priv, label, context, given)).isEqualTo(plaintext);

        HpkeCiphertext fresh = crypto.encryptWithLabel(pub, label, context, plaintext);
        assertThat(crypto.decryptWithLabel(priv, label, context, fresh)).isEqualTo(plaintext);
        CryptoException wrongContext =
                assertThrows(CryptoException.class, () -> crypto.decryptWithLabel(priv, label, new byte[] {1}, fresh));
        assertThat(wrongContext.rule()).isEqualTo(CryptoRule.HPKE_OPEN);
    }
}
