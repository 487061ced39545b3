package org.vermerk.protocol.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vermerk.protocol.testing.RuleAssertions.assertViolates;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.ValidationRule;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.credential.Certificate;
import org.vermerk.protocol.credential.X509Credential;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Join-time tree validation (RFC 9420 §12.4.3.1) on a tree built by hand that is valid in every
 * respect, then broken in exactly one: each test expects the rule of that one break.
 *
 * <p>The tree has four members: Anna (leaf 0) committed with a path over nodes 1 and 3 after
 * Bernd and Clara were added, then Dora was added at leaf 3, unmerged at the root. Dora's leaf is
 * below the root's copath child, but the root's parent hash blanks its unmerged leaves, so her leaf
 * can change without breaking a parent hash.
 */
class TreeValidatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Bytes GROUP_ID = Bytes.fromHex("b1b2");
    private static final LeafIndex DORA = LeafIndex.of(3);

    private CipherSuite suite;
    private TestMember anna;
    private TestMember bernd;
    private TestMember dora;
    private TreeValidator validator;
    private RatchetTree tree;

    @BeforeEach
    void buildAValidTree() throws Exception {
        suite = CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519);
        anna = TestMember.create(suite, "anna");
        bernd = TestMember.create(suite, "bernd");
        dora = TestMember.create(suite, "dora");
        validator = new TreeValidator(suite, Clock.fixed(NOW, ZoneOffset.UTC));
        tree = treeWithPathKeys(suite.generateHpkeKeyPair().publicKey());
    }

    /** The tree described above, with the given key at node 1. */
    private RatchetTree treeWithPathKeys(Bytes nodeOneKey) throws Exception {
        RatchetTree built = RatchetTree.withFirstLeaf(anna.keyPackageLeaf());
        built.addLeaf(bernd.keyPackageLeaf());
        built.addLeaf(TestMember.create(suite, "clara").keyPackageLeaf());
        PathMerge.MergedKeys merged = new PathMerge(suite)
                .mergeKeys(
                        built,
                        LeafIndex.of(0),
                        List.of(nodeOneKey, suite.generateHpkeKeyPair().publicKey()));
        LeafNode annaUnsigned = anna.unsignedLeaf(new LeafNodeSource.FromCommit(merged.leafParentHash()));
        LeafNode annaCommit = new LeafNode(
                suite.generateHpkeKeyPair().publicKey(),
                annaUnsigned.signatureKey(),
                annaUnsigned.credential(),
                annaUnsigned.capabilities(),
                annaUnsigned.source(),
                List.of(),
                Bytes.EMPTY);
        merged.placeLeaf(anna.sign(annaCommit, GROUP_ID, LeafIndex.of(0)));
        assertThat(built.addLeaf(dora.keyPackageLeaf())).isEqualTo(DORA);
        return built;
    }

    private GroupContext contextOf(RatchetTree t) {
        return new GroupContext(
                GroupContext.MLS10, 1, GROUP_ID, 7, new TreeHash(suite).root(t), Bytes.EMPTY, List.of());
    }

    private void assertBreaks(RatchetTree t, ValidationRule rule) {
        Class<? extends org.vermerk.protocol.MlsException> type =
                rule instanceof TreeRule ? InvalidTreeException.class : InvalidLeafNodeException.class;
        assertViolates(() -> validator.validate(t, contextOf(t)), type, rule);
    }

    private LeafNode doraWith(Bytes encryptionKey, Bytes signatureKey, TestMember signer) throws Exception {
        LeafNode unsigned = dora.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1)));
        return signer.sign(
                new LeafNode(
                        encryptionKey,
                        signatureKey,
                        unsigned.credential(),
                        unsigned.capabilities(),
                        unsigned.source(),
                        List.of(),
                        Bytes.EMPTY),
                Bytes.EMPTY,
                DORA);
    }

    @Test
    void treeBuiltByTheRulesIsValid() throws Exception {
        assertThat(tree.parent(NodeIndex.of(3)).orElseThrow().unmergedLeaves()).containsExactly(DORA);
        validator.validate(tree, contextOf(tree));
    }

    @Test
    void treeHashOtherThanTheGroupContextsBreaksTree5() {
        GroupContext context = contextOf(tree);
        GroupContext wrong = new GroupContext(
                context.version(),
                context.cipherSuite(),
                context.groupId(),
                context.epoch(),
                Bytes.fromHex("00".repeat(32)),
                context.confirmedTranscriptHash(),
                context.extensions());
        assertViolates(() -> validator.validate(tree, wrong), InvalidTreeException.class, TreeRule.TREE_HASH_MISMATCH);
    }

    @Test
    void replacedRootKeyBreaksTheParentHashChainTree6() {
        ParentNode root = tree.parent(NodeIndex.of(3)).orElseThrow();
        tree.setParent(
                NodeIndex.of(3),
                new ParentNode(suite.generateHpkeKeyPair().publicKey(), root.parentHash(), root.unmergedLeaves()));
        assertBreaks(tree, TreeRule.PARENT_HASH_INVALID);
    }

    @Test
    void parentWithoutALinkFromBelowBreaksTree6() {
        tree.setParent(
                NodeIndex.of(5), new ParentNode(suite.generateHpkeKeyPair().publicKey(), Bytes.EMPTY, List.of()));
        ParentNode root = tree.parent(NodeIndex.of(3)).orElseThrow();
        tree.setParent(NodeIndex.of(3), new ParentNode(root.encryptionKey(), root.parentHash(), List.of()));
        assertBreaks(tree, TreeRule.PARENT_HASH_INVALID);
    }

    @Test
    void unmergedLeafOutsideTheParentBreaksTree7() {
        ParentNode node1 = tree.parent(NodeIndex.of(1)).orElseThrow();
        tree.setParent(
                NodeIndex.of(1), new ParentNode(node1.encryptionKey(), node1.parentHash(), List.of(LeafIndex.of(2))));
        assertBreaks(tree, TreeRule.UNMERGED_LEAF_NOT_BELOW);
    }

    @Test
    void unmergedLeafMissingAtANodeInBetweenBreaksTree8() {
        tree.setParent(
                NodeIndex.of(5), new ParentNode(suite.generateHpkeKeyPair().publicKey(), Bytes.EMPTY, List.of()));
        assertBreaks(tree, TreeRule.UNMERGED_LEAF_NOT_ON_PATH);
    }

    @Test
    void unmergedLeavesOutOfOrderBreakTree9() {
        ParentNode root = tree.parent(NodeIndex.of(3)).orElseThrow();
        tree.setParent(
                NodeIndex.of(3),
                new ParentNode(root.encryptionKey(), root.parentHash(), List.of(DORA, LeafIndex.of(2))));
        assertBreaks(tree, TreeRule.UNMERGED_LEAVES_UNSORTED);
    }

    @Test
    void parentKeyThatIsAlsoALeafKeyBreaksTree10() throws Exception {
        RatchetTree sharing = treeWithPathKeys(bernd.encryption().publicKey());
        assertBreaks(sharing, TreeRule.DUPLICATE_PARENT_KEY);
    }

    @Test
    void leafWithABadSignatureBreaksLeaf1() throws Exception {
        LeafNode good = tree.leaf(DORA).orElseThrow();
        byte[] signature = good.signature().toByteArray();
        signature[signature.length - 1] ^= 0x40;
        tree.setLeaf(
                DORA,
                new LeafNode(
                        good.encryptionKey(),
                        good.signatureKey(),
                        good.credential(),
                        good.capabilities(),
                        good.source(),
                        good.extensions(),
                        Bytes.of(signature)));
        assertBreaks(tree, LeafNodeRule.SIGNATURE);
    }

    @Test
    void twoLeavesWithOneSignatureKeyBreakLeaf8() throws Exception {
        tree.setLeaf(
                DORA, doraWith(dora.encryption().publicKey(), bernd.signature().publicKey(), bernd));
        assertBreaks(tree, LeafNodeRule.DUPLICATE_SIGNATURE_KEY);
    }

    @Test
    void twoLeavesWithOneEncryptionKeyBreakLeaf9() throws Exception {
        tree.setLeaf(
                DORA, doraWith(bernd.encryption().publicKey(), dora.signature().publicKey(), dora));
        assertBreaks(tree, LeafNodeRule.DUPLICATE_ENCRYPTION_KEY);
    }

    @Test
    void credentialTypeOthersDoNotSupportBreaksLeaf3() throws Exception {
        LeafNode unsigned = dora.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, -1)));
        tree.setLeaf(
                DORA,
                dora.sign(
                        new LeafNode(
                                unsigned.encryptionKey(),
                                unsigned.signatureKey(),
                                new X509Credential(List.of(new Certificate(Bytes.fromHex("3000")))),
                                new Capabilities(List.of(1), List.of(1), List.of(), List.of(), List.of(1, 2)),
                                unsigned.source(),
                                List.of(),
                                Bytes.EMPTY),
                        Bytes.EMPTY,
                        DORA));
        assertBreaks(tree, LeafNodeRule.CREDENTIAL_TYPE_NOT_SUPPORTED);
    }

    @Test
    void expiredKeyPackageLeafInTheTreeBreaksLeaf5() throws Exception {
        long now = NOW.getEpochSecond();
        tree.setLeaf(
                DORA,
                dora.sign(
                        dora.unsignedLeaf(new LeafNodeSource.FromKeyPackage(new Lifetime(0, now - 1))),
                        Bytes.EMPTY,
                        DORA));
        assertBreaks(tree, LeafNodeRule.LIFETIME);
    }
}
