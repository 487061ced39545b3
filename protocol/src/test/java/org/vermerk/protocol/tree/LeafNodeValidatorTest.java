package org.vermerk.protocol.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.testing.RuleAssertions.assertViolates;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.Certificate;
import org.vermerk.protocol.credential.CredentialType;
import org.vermerk.protocol.credential.X509Credential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.extension.RequiredCapabilities;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/** Leaf node validation (RFC 9420 §7.3): one test per {@link LeafNodeRule}, plus the leaves that pass. */
class LeafNodeValidatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Bytes GROUP_ID = Bytes.fromHex("a1a2a3");
    private static final LeafIndex LEAF_0 = LeafIndex.of(0);
    private static final LeafIndex LEAF_1 = LeafIndex.of(1);

    private final CipherSuite suite = suite();
    private final TestMember anna = TestMember.create(suite, "anna");
    private final TestMember bernd = TestMember.create(suite, "bernd");
    private final TestMember clara = TestMember.create(suite, "clara");
    private final LeafNodeValidator validator = new LeafNodeValidator(suite, Clock.fixed(NOW, ZoneOffset.UTC));
    private final RatchetTree tree = twoMembers();

    private static CipherSuite suite() {
        try {
            return CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RatchetTree twoMembers() {
        try {
            RatchetTree twoLeaves = RatchetTree.withFirstLeaf(anna.keyPackageLeaf());
            twoLeaves.addLeaf(bernd.keyPackageLeaf());
            return twoLeaves;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GroupContext group(Extension... extensions) {
        return new GroupContext(
                GroupContext.MLS10, 1, GROUP_ID, 3, Bytes.fromHex("00"), Bytes.EMPTY, List.of(extensions));
    }

    private static LeafNode withCapabilities(LeafNode leaf, Capabilities capabilities) {
        return new LeafNode(
                leaf.encryptionKey(),
                leaf.signatureKey(),
                leaf.credential(),
                capabilities,
                leaf.source(),
                leaf.extensions(),
                leaf.signature());
    }

    private static LeafNode withSource(LeafNode leaf, LeafNodeSource source) {
        return new LeafNode(
                leaf.encryptionKey(),
                leaf.signatureKey(),
                leaf.credential(),
                leaf.capabilities(),
                source,
                leaf.extensions(),
                leaf.signature());
    }

    private LeafNode keyPackageLeafOfClara(Capabilities capabilities) throws Exception {
        return clara.sign(
                withCapabilities(
                        clara.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1))), capabilities),
                Bytes.EMPTY,
                LEAF_0);
    }

    @Test
    void keyPackageLeafOfANewMemberIsVerifiedForAnAdd() throws Exception {
        LeafNode leaf = clara.keyPackageLeaf();
        VerifiedLeafNode verified = validator.validate(leaf, LeafNodeContext.forAdd(group(), tree));
        assertThat(verified.leafNode()).isEqualTo(leaf);
        assertThat(verified.use()).isEqualTo(LeafNodeContext.Use.KEY_PACKAGE);
        assertThat(validator.validate(leaf, LeafNodeContext.forKeyPackage(1)).leafNode())
                .isEqualTo(leaf);
    }

    @Test
    void commitLeafSignedForItsGroupAndPositionIsVerified() throws Exception {
        LeafNode leaf = annaReplacement(new LeafNodeSource.FromCommit(Bytes.fromHex("77")), LEAF_0);
        assertThat(validator
                        .validate(leaf, LeafNodeContext.forCommit(group(), tree, LEAF_0))
                        .use())
                .isEqualTo(LeafNodeContext.Use.COMMIT);
    }

    /** Anna's leaf with a fresh encryption key, signed for {@code signedAt}. */
    private LeafNode annaReplacement(LeafNodeSource source, LeafIndex signedAt) throws Exception {
        LeafNode unsigned = anna.unsignedLeaf(source);
        LeafNode fresh = new LeafNode(
                suite.generateHpkeKeyPair().publicKey(),
                unsigned.signatureKey(),
                unsigned.credential(),
                unsigned.capabilities(),
                source,
                unsigned.extensions(),
                Bytes.EMPTY);
        return anna.sign(fresh, GROUP_ID, signedAt);
    }

    @Test
    void leafWithATamperedSignatureBreaksLeaf1() throws Exception {
        LeafNode leaf = clara.keyPackageLeaf();
        byte[] signature = leaf.signature().toByteArray();
        signature[0] ^= 1;
        LeafNode tampered = new LeafNode(
                leaf.encryptionKey(),
                leaf.signatureKey(),
                leaf.credential(),
                leaf.capabilities(),
                leaf.source(),
                leaf.extensions(),
                Bytes.of(signature));
        assertViolates(
                () -> validator.validate(tampered, LeafNodeContext.forAdd(group(), tree)),
                InvalidLeafNodeException.class,
                LeafNodeRule.SIGNATURE);
    }

    @Test
    void commitLeafSignedForAnotherPositionBreaksLeaf1() throws Exception {
        LeafNode leaf = annaReplacement(new LeafNodeSource.FromCommit(Bytes.EMPTY), LEAF_1);
        assertViolates(
                () -> validator.validate(leaf, LeafNodeContext.forCommit(group(), tree, LEAF_0)),
                InvalidLeafNodeException.class,
                LeafNodeRule.SIGNATURE);
    }

    @Test
    void leafLackingARequiredCredentialTypeBreaksLeaf2() {
        GroupContext requiresX509 =
                group(new RequiredCapabilities(List.of(2), List.of(7), List.of(CredentialType.X509)).toExtension());
        assertViolates(
                () -> validator.validate(clara.keyPackageLeaf(), LeafNodeContext.forAdd(requiresX509, tree)),
                InvalidLeafNodeException.class,
                LeafNodeRule.REQUIRED_CAPABILITIES);
    }

    @Test
    void requiredDefaultTypesNeedNotBeListed() throws Exception {
        GroupContext requiresDefaults =
                group(new RequiredCapabilities(List.of(2), List.of(7), List.of(CredentialType.BASIC)).toExtension());
        validator.validate(clara.keyPackageLeaf(), LeafNodeContext.forAdd(requiresDefaults, tree));
    }

    @Test
    void credentialTypeTheMembersDoNotSupportBreaksLeaf3() throws Exception {
        LeafNode unsigned = clara.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1)));
        LeafNode x509 = clara.sign(
                new LeafNode(
                        unsigned.encryptionKey(),
                        unsigned.signatureKey(),
                        new X509Credential(List.of(new Certificate(Bytes.fromHex("3000")))),
                        new Capabilities(List.of(1), List.of(1), List.of(), List.of(), List.of(1, 2)),
                        unsigned.source(),
                        List.of(),
                        Bytes.EMPTY),
                Bytes.EMPTY,
                LEAF_0);
        assertViolates(
                () -> validator.validate(x509, LeafNodeContext.forAdd(group(), tree)),
                InvalidLeafNodeException.class,
                LeafNodeRule.CREDENTIAL_TYPE_NOT_SUPPORTED);
    }

    @Test
    void leafNotSupportingTheMembersCredentialTypeBreaksLeaf3() throws Exception {
        LeafNode unsigned = clara.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1)));
        LeafNode x509Only = clara.sign(
                new LeafNode(
                        unsigned.encryptionKey(),
                        unsigned.signatureKey(),
                        new X509Credential(List.of(new Certificate(Bytes.fromHex("3000")))),
                        new Capabilities(List.of(1), List.of(1), List.of(), List.of(), List.of(2)),
                        unsigned.source(),
                        List.of(),
                        Bytes.EMPTY),
                Bytes.EMPTY,
                LEAF_0);
        RatchetTree permissive = RatchetTree.withFirstLeaf(keyPackageLeafOfAnnaSupporting(List.of(1, 2)));
        assertViolates(
                () -> validator.validate(x509Only, LeafNodeContext.forAdd(group(), permissive)),
                InvalidLeafNodeException.class,
                LeafNodeRule.CREDENTIAL_TYPE_NOT_SUPPORTED);
    }

    private LeafNode keyPackageLeafOfAnnaSupporting(List<Integer> credentials) throws Exception {
        return anna.sign(
                withCapabilities(
                        anna.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1))),
                        new Capabilities(List.of(1), List.of(1), List.of(), List.of(), credentials)),
                Bytes.EMPTY,
                LEAF_0);
    }

    @Test
    void capabilitiesWithoutTheOwnCredentialTypeBreakLeaf4() throws Exception {
        LeafNode leaf =
                keyPackageLeafOfClara(new Capabilities(List.of(1), List.of(1), List.of(), List.of(), List.of(2)));
        assertViolates(
                () -> validator.validate(leaf, LeafNodeContext.forKeyPackage(1)),
                InvalidLeafNodeException.class,
                LeafNodeRule.OWN_CREDENTIAL_TYPE);
    }

    @Test
    void keyPackageLeafOutsideItsLifetimeBreaksLeaf5() throws Exception {
        long now = NOW.getEpochSecond();
        for (Lifetime lifetime : List.of(new Lifetime(now + 1, now + 100), new Lifetime(now - 100, now - 1))) {
            LeafNode leaf =
                    clara.sign(clara.unsignedLeaf(new LeafNodeSource.FromKeyPackage(lifetime)), Bytes.EMPTY, LEAF_0);
            assertViolates(
                    () -> validator.validate(leaf, LeafNodeContext.forKeyPackage(1)),
                    InvalidLeafNodeException.class,
                    LeafNodeRule.LIFETIME);
        }
        LeafNode current = clara.sign(
                clara.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(now, now))), Bytes.EMPTY, LEAF_0);
        validator.validate(current, LeafNodeContext.forKeyPackage(1));
    }

    @Test
    void nonDefaultExtensionMissingFromTheCapabilitiesBreaksLeaf6() throws Exception {
        LeafNode unsigned = clara.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1)));
        LeafNode withUnlisted = clara.sign(withExtensions(unsigned, 0xff00), Bytes.EMPTY, LEAF_0);
        assertViolates(
                () -> validator.validate(withUnlisted, LeafNodeContext.forKeyPackage(1)),
                InvalidLeafNodeException.class,
                LeafNodeRule.EXTENSION_NOT_IN_CAPABILITIES);

        LeafNode withDefault = clara.sign(withExtensions(unsigned, 0x0001), Bytes.EMPTY, LEAF_0);
        validator.validate(withDefault, LeafNodeContext.forKeyPackage(1));
    }

    private static LeafNode withExtensions(LeafNode leaf, int type) {
        return new LeafNode(
                leaf.encryptionKey(),
                leaf.signatureKey(),
                leaf.credential(),
                leaf.capabilities(),
                leaf.source(),
                List.of(new Extension(type, Bytes.fromHex("01"))),
                Bytes.EMPTY);
    }

    @Test
    void sourceThatDoesNotFitTheUseBreaksLeaf7() throws Exception {
        LeafNode update = annaReplacement(new LeafNodeSource.FromUpdate(), LEAF_0);
        assertViolates(
                () -> validator.validate(update, LeafNodeContext.forAdd(group(), tree)),
                InvalidLeafNodeException.class,
                LeafNodeRule.SOURCE);
        assertViolates(
                () -> validator.validate(update, LeafNodeContext.forCommit(group(), tree, LEAF_0)),
                InvalidLeafNodeException.class,
                LeafNodeRule.SOURCE);
        LeafNode commit = withSource(update, new LeafNodeSource.FromCommit(Bytes.EMPTY));
        assertViolates(
                () -> validator.validate(commit, LeafNodeContext.forUpdate(group(), tree, LEAF_0)),
                InvalidLeafNodeException.class,
                LeafNodeRule.SOURCE);
    }

    @Test
    void signatureKeyOfAnotherMemberBreaksLeaf8() throws Exception {
        LeafNode unsigned = clara.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1)));
        LeafNode withBerndsKey = bernd.sign(
                new LeafNode(
                        unsigned.encryptionKey(),
                        bernd.signature().publicKey(),
                        unsigned.credential(),
                        unsigned.capabilities(),
                        unsigned.source(),
                        List.of(),
                        Bytes.EMPTY),
                Bytes.EMPTY,
                LEAF_0);
        assertViolates(
                () -> validator.validate(withBerndsKey, LeafNodeContext.forAdd(group(), tree)),
                InvalidLeafNodeException.class,
                LeafNodeRule.DUPLICATE_SIGNATURE_KEY);
    }

    @Test
    void encryptionKeyOfAnotherMemberOrNodeBreaksLeaf9() throws Exception {
        LeafNode unsigned = clara.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1)));
        LeafNode withBerndsKey = clara.sign(
                new LeafNode(
                        bernd.encryption().publicKey(),
                        unsigned.signatureKey(),
                        unsigned.credential(),
                        unsigned.capabilities(),
                        unsigned.source(),
                        List.of(),
                        Bytes.EMPTY),
                Bytes.EMPTY,
                LEAF_0);
        assertViolates(
                () -> validator.validate(withBerndsKey, LeafNodeContext.forAdd(group(), tree)),
                InvalidLeafNodeException.class,
                LeafNodeRule.DUPLICATE_ENCRYPTION_KEY);

        RatchetTree withParent = tree.copy();
        withParent.setParent(NodeIndex.of(1), new ParentNode(clara.encryption().publicKey(), Bytes.EMPTY, List.of()));
        assertViolates(
                () -> validator.validate(clara.keyPackageLeaf(), LeafNodeContext.forAdd(group(), withParent)),
                InvalidLeafNodeException.class,
                LeafNodeRule.DUPLICATE_ENCRYPTION_KEY);
    }

    @Test
    void updateKeepingTheEncryptionKeyBreaksLeaf10() throws Exception {
        LeafNode same = anna.sign(anna.unsignedLeaf(new LeafNodeSource.FromUpdate()), GROUP_ID, LEAF_0);
        assertViolates(
                () -> validator.validate(same, LeafNodeContext.forUpdate(group(), tree, LEAF_0)),
                InvalidLeafNodeException.class,
                LeafNodeRule.ENCRYPTION_KEY_NOT_CHANGED);
        LeafNode fresh = annaReplacement(new LeafNodeSource.FromUpdate(), LEAF_0);
        validator.validate(fresh, LeafNodeContext.forUpdate(group(), tree, LEAF_0));
    }

    @Test
    void capabilitiesWithoutTheGroupsSuiteOrVersionBreakLeaf11() throws Exception {
        for (Capabilities lacking : List.of(
                new Capabilities(List.of(1), List.of(2, 3), List.of(), List.of(), List.of(1)),
                new Capabilities(List.of(), List.of(1), List.of(), List.of(), List.of(1)))) {
            LeafNode leaf = keyPackageLeafOfClara(lacking);
            assertViolates(
                    () -> validator.validate(leaf, LeafNodeContext.forKeyPackage(1)),
                    InvalidLeafNodeException.class,
                    LeafNodeRule.SUITE_OR_VERSION_NOT_SUPPORTED);
        }
    }

    @Test
    void leafOfTheTreeIsValidatedAtItsPosition() throws Exception {
        LeafNodeContext context = LeafNodeContext.inTree(group(), tree, LEAF_1);
        assertThat(context.leafIndex()).isEqualTo(Optional.of(LEAF_1));
        assertThat(validator.validate(tree.leaf(LEAF_1).orElseThrow(), context).use())
                .isEqualTo(LeafNodeContext.Use.TREE);
    }
}
