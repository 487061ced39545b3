package org.vermerk.protocol.treekem;

import static org.vermerk.protocol.testing.RuleAssertions.assertViolates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.CryptoRule;
import org.vermerk.protocol.crypto.HpkeCiphertext;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.tree.InvalidTreeException;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.TreeRule;
import org.vermerk.protocol.tree.UpdatePath;
import org.vermerk.protocol.tree.UpdatePathNode;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Processing a damaged UpdatePath: in a group of four built by commits, member 0 creates a path
 * for an empty commit and member 3 receives it changed in exactly one way. Each test expects the
 * rule of that change.
 */
class UpdatePathProcessorTest {
    private static final LeafIndex SENDER = LeafIndex.of(0);
    private static final LeafIndex RECEIVER = LeafIndex.of(3);

    private TestGroup group;
    private UpdatePathProcessor processor;
    private GroupContext provisional;
    private CreatedPath created;
    private RatchetTree receiverTree;

    @BeforeEach
    void groupOfFourWithAPathFromMemberZero() throws Exception {
        group = new TestGroup(CipherSuites.byId(CipherSuites.X25519_AES128GCM_SHA256_ED25519));
        for (int i = 1; i < 4; i++) {
            group.commitAdd(LeafIndex.of(i - 1));
        }
        group.commitEmpty(RECEIVER);
        processor = new UpdatePathProcessor(group.suite, Clock.systemUTC());
        provisional = group.provisional();
        created = new UpdatePathCreator(group.suite)
                .create(
                        group.treeOf(SENDER),
                        SENDER,
                        group.treeOf(SENDER).leaf(SENDER).orElseThrow(),
                        group.member(SENDER).signature().privateKey(),
                        provisional,
                        Set.of());
        receiverTree = group.treeOf(RECEIVER);
    }

    private ProcessedPath receive(UpdatePath path, TreePrivateKeys view, GroupContext context) throws Exception {
        return processor.process(receiverTree, view, SENDER, path, context, Set.of());
    }

    private UpdatePath withNode(int index, UpdatePathNode node) {
        List<UpdatePathNode> nodes = new ArrayList<>(created.updatePath().nodes());
        nodes.set(index, node);
        return new UpdatePath(created.updatePath().leafNode(), nodes);
    }

    @Test
    void intactPathIsProcessed() throws Exception {
        receive(created.updatePath(), group.viewOf(RECEIVER), provisional);
    }

    @Test
    void missingCiphertextBreaksTreeKem1() {
        UpdatePathNode root = created.updatePath().nodes().getLast();
        UpdatePath path = withNode(
                created.updatePath().nodes().size() - 1,
                new UpdatePathNode(
                        root.encryptionKey(),
                        root.encryptedPathSecret()
                                .subList(1, root.encryptedPathSecret().size())));
        assertViolates(
                () -> receive(path, group.viewOf(RECEIVER), provisional),
                TreeKemException.class,
                TreeKemRule.CIPHERTEXT_COUNT);
    }

    @Test
    void pathSecretThatDoesNotDeriveTheSentKeysBreaksTreeKem2() throws Exception {
        int last = created.updatePath().nodes().size() - 1;
        NodeIndex root = receiverTree.size().root();
        UpdatePathNode sent = created.updatePath().nodes().get(last);
        LabeledCrypto crypto = new LabeledCrypto(group.suite);
        List<HpkeCiphertext> forged = new ArrayList<>();
        for (NodeIndex recipient : PathEncryption.recipients(receiverTree, root, SENDER, Set.of())) {
            Bytes key = TreePrivateKeys.publicKey(receiverTree, recipient).orElseThrow();
            forged.add(crypto.encryptWithLabel(
                    key, PathEncryption.LABEL, created.groupContext().encoded(), group.suite.randomBytes(32)));
        }
        UpdatePath path = withNode(last, new UpdatePathNode(sent.encryptionKey(), forged));
        assertViolates(
                () -> receive(path, group.viewOf(RECEIVER), provisional),
                TreeKemException.class,
                TreeKemRule.DERIVED_KEY_MISMATCH);
    }

    @Test
    void receiverHoldingNoKeyOfTheResolutionBreaksTreeKem3() {
        TreePrivateKeys stranger = TreePrivateKeys.forLeaf(RECEIVER, group.suite.generateHpkeKeyPair());
        assertViolates(
                () -> receive(created.updatePath(), stranger, provisional),
                TreeKemException.class,
                TreeKemRule.NO_DECRYPTION_KEY);
    }

    @Test
    void viewWithAKeyTheTreeDoesNotHaveBreaksTreeKem4() {
        TreePrivateKeys stranger = TreePrivateKeys.forLeaf(RECEIVER, group.suite.generateHpkeKeyPair());
        assertViolates(
                () -> stranger.checkFits(receiverTree), TreeKemException.class, TreeKemRule.PRIVATE_KEY_MISMATCH);
    }

    @Test
    void pathForAnotherGroupContextDoesNotDecrypt() {
        GroupContext otherEpoch = new GroupContext(
                provisional.version(),
                provisional.cipherSuite(),
                provisional.groupId(),
                provisional.epoch() + 1,
                provisional.treeHash(),
                provisional.confirmedTranscriptHash(),
                provisional.extensions());
        assertViolates(
                () -> receive(created.updatePath(), group.viewOf(RECEIVER), otherEpoch),
                CryptoException.class,
                CryptoRule.HPKE_OPEN);
    }

    @Test
    void pathWithANodeTooFewBreaksTree12() {
        List<UpdatePathNode> nodes = created.updatePath().nodes();
        UpdatePath shorter = new UpdatePath(created.updatePath().leafNode(), nodes.subList(0, nodes.size() - 1));
        assertViolates(
                () -> receive(shorter, group.viewOf(RECEIVER), provisional),
                InvalidTreeException.class,
                TreeRule.PATH_LENGTH);
    }
}
