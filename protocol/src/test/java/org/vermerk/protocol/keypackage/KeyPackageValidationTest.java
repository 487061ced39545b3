package org.vermerk.protocol.keypackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vermerk.protocol.keypackage.KeyPackageFactoryTest.ANNA;
import static org.vermerk.protocol.keypackage.KeyPackageFactoryTest.CLOCK;
import static org.vermerk.protocol.keypackage.KeyPackageFactoryTest.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.BasicCredential;
import org.vermerk.protocol.credential.CredentialType;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.tree.Capabilities;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.LeafNodeSource;
import org.vermerk.protocol.tree.Lifetime;

/**
 * One KeyPackage per rule of {@link KeyPackageRule}, each broken in exactly that way and otherwise
 * correctly signed, and the rule it must be refused with (suite 1, clock fixed).
 */
class KeyPackageValidationTest {
    private final CipherSuite suite = suite();
    private final KeyPair signer = suite.generateSignatureKeyPair();
    private final NewKeyPackage made = makeKeyPackage();
    private final KeyPackage good = made.keyPackage();
    private final Lifetime lifetime =
            ((LeafNodeSource.FromKeyPackage) good.leafNode().source()).lifetime();

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private NewKeyPackage makeKeyPackage() {
        try {
            return new KeyPackageFactory(suite, CLOCK).create(ANNA, signer);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private KeyPackageRule ruleAt(Clock clock, KeyPackage keyPackage) {
        return (KeyPackageRule) assertThrows(
                        KeyPackageException.class, () -> new KeyPackageValidator(suite, clock).validate(keyPackage))
                .rule();
    }

    private KeyPackageRule ruleOf(KeyPackage keyPackage) {
        return ruleAt(CLOCK, keyPackage);
    }

    private KeyPackage resigned(int version, int cipherSuite, Bytes initKey, LeafNode leaf) throws Exception {
        return KeyPackageSigning.signKeyPackage(
                suite,
                signer.privateKey(),
                new KeyPackage(version, cipherSuite, initKey, leaf, good.extensions(), Bytes.EMPTY));
    }

    private KeyPackage withLeaf(LeafNode leaf) throws Exception {
        return resigned(good.version(), good.cipherSuite(), good.initKey(), leaf);
    }

    private LeafNode leaf(
            BasicCredential credential, Capabilities capabilities, LeafNodeSource source, List<Extension> extensions) {
        LeafNode l = good.leafNode();
        return new LeafNode(
                l.encryptionKey(), l.signatureKey(), credential, capabilities, source, extensions, l.signature());
    }

    private LeafNode signed(LeafNode leaf) throws Exception {
        return KeyPackageSigning.signLeafNode(suite, signer.privateKey(), leaf);
    }

    private static Clock at(java.time.Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aKeyPackageOfAnotherProtocolVersionIsRefusedWithKeyPackage1() throws Exception {
        KeyPackage other = resigned(2, good.cipherSuite(), good.initKey(), good.leafNode());
        assertThat(ruleOf(other)).isEqualTo(KeyPackageRule.VERSION);
    }

    @Test
    void aKeyPackageOfAnotherCipherSuiteIsRefusedWithKeyPackage2() throws Exception {
        KeyPackage other = resigned(good.version(), 2, good.initKey(), good.leafNode());
        assertThat(ruleOf(other)).isEqualTo(KeyPackageRule.CIPHER_SUITE);
    }

    @Test
    void aKeyPackageWithABadSignatureIsRefusedWithKeyPackage3() {
        byte[] signature = good.signature().toByteArray();
        signature[0] ^= 1;
        KeyPackage forged = new KeyPackage(
                good.version(),
                good.cipherSuite(),
                good.initKey(),
                good.leafNode(),
                good.extensions(),
                Bytes.of(signature));
        assertThat(ruleOf(forged)).isEqualTo(KeyPackageRule.SIGNATURE);
    }

    @Test
    void aKeyPackageWhoseLeafComesFromAnUpdateIsRefusedWithKeyPackage4() throws Exception {
        LeafNode l = good.leafNode();
        LeafNode update = leaf(ANNA, l.capabilities(), new LeafNodeSource.FromUpdate(), l.extensions());
        assertThat(ruleOf(withLeaf(update))).isEqualTo(KeyPackageRule.LEAF_NODE_SOURCE);
    }

    @Test
    void aKeyPackageWhoseLeafWasChangedAfterSigningIsRefusedWithKeyPackage5() throws Exception {
        LeafNode l = good.leafNode();
        BasicCredential mallory = new BasicCredential(Bytes.fromHex("6d616c6c6f7279"));
        LeafNode changed = leaf(mallory, l.capabilities(), l.source(), l.extensions());
        assertThat(ruleOf(withLeaf(changed))).isEqualTo(KeyPackageRule.LEAF_NODE_SIGNATURE);
    }

    @Test
    void aKeyPackageAfterItsNotAfterIsRefusedAsExpiredWithKeyPackage6() {
        assertThat(ruleAt(at(NOW.plus(Duration.ofDays(90)).plusSeconds(1)), good))
                .isEqualTo(KeyPackageRule.EXPIRED);
    }

    @Test
    void aKeyPackageBeforeItsNotBeforeIsRefusedAsNotYetValidWithKeyPackage7() {
        assertThat(ruleAt(at(NOW.minus(Duration.ofHours(1)).minusSeconds(1)), good))
                .isEqualTo(KeyPackageRule.NOT_YET_VALID);
    }

    @Test
    void theLifetimeIncludesBothOfItsBounds() throws Exception {
        KeyPackageValidator atStart =
                new KeyPackageValidator(suite, at(java.time.Instant.ofEpochSecond(lifetime.notBefore())));
        KeyPackageValidator atEnd =
                new KeyPackageValidator(suite, at(java.time.Instant.ofEpochSecond(lifetime.notAfter())));
        assertThat(atStart.validate(good).ref()).isEqualTo(made.ref());
        assertThat(atEnd.validate(good).ref()).isEqualTo(made.ref());
    }

    @Test
    void aKeyPackageWhoseInitKeyIsItsEncryptionKeyIsRefusedWithKeyPackage8() throws Exception {
        KeyPackage reused =
                resigned(good.version(), good.cipherSuite(), good.leafNode().encryptionKey(), good.leafNode());
        assertThat(ruleOf(reused)).isEqualTo(KeyPackageRule.INIT_KEY_IS_ENCRYPTION_KEY);
    }

    @Test
    void aKeyPackageWhoseCredentialTypeIsNotInItsCapabilitiesIsRefusedWithKeyPackage9() throws Exception {
        Capabilities c = good.leafNode().capabilities();
        Capabilities x509Only = new Capabilities(
                c.versions(), c.cipherSuites(), c.extensions(), c.proposals(), List.of(CredentialType.X509));
        LeafNode l = signed(leaf(ANNA, x509Only, good.leafNode().source(), List.of()));
        assertThat(ruleOf(withLeaf(l))).isEqualTo(KeyPackageRule.CREDENTIAL_TYPE_NOT_IN_CAPABILITIES);
    }

    @Test
    void aKeyPackageWithAnExtensionNotInItsCapabilitiesIsRefusedWithKeyPackage10() throws Exception {
        LeafNode l = signed(leaf(
                ANNA,
                good.leafNode().capabilities(),
                good.leafNode().source(),
                List.of(new Extension(0xff00, Bytes.fromHex("cafe")))));
        assertThat(ruleOf(withLeaf(l))).isEqualTo(KeyPackageRule.EXTENSION_NOT_IN_CAPABILITIES);
    }

    @Test
    void aGreaseExtensionOfTheKeyPackageItselfNeedNotBeInTheCapabilities() throws Exception {
        KeyPackage greased = KeyPackageSigning.signKeyPackage(
                suite,
                signer.privateKey(),
                new KeyPackage(
                        good.version(),
                        good.cipherSuite(),
                        good.initKey(),
                        good.leafNode(),
                        List.of(new Extension(0xCACA, Bytes.fromHex("0102"))),
                        Bytes.EMPTY));
        assertThat(new KeyPackageValidator(suite, CLOCK).validate(greased).keyPackage())
                .isEqualTo(greased);
    }

    @Test
    void aGreaseExtensionOfTheLeafNodeMustStillBeInTheCapabilities() throws Exception {
        LeafNode l = signed(leaf(
                ANNA,
                good.leafNode().capabilities(),
                good.leafNode().source(),
                List.of(new Extension(0xCACA, Bytes.fromHex("cafe")))));
        assertThat(ruleOf(withLeaf(l))).isEqualTo(KeyPackageRule.EXTENSION_NOT_IN_CAPABILITIES);
    }

    @Test
    void theErrorNamesTheRuleId() {
        KeyPackageException error = assertThrows(
                KeyPackageException.class,
                () -> new KeyPackageValidator(suite, at(NOW.plus(Duration.ofDays(365)))).validate(good));
        assertThat(error).hasMessageStartingWith("KEYPACKAGE-6: ");
    }
}
