package org.vermerk.protocol.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.crypto.CipherSuites;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.messages.Proposal;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.messages.Update;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * The official {@code tree-operations.json} vectors, structural part: applying an Add, Update or
 * Remove proposal to a ratchet tree (RFC 9420 §12.1.1 to §12.1.3, §7.7).
 *
 * <p>Format: an array of {@code {"cipher_suite", "tree_before", "proposal", "proposal_sender",
 * "tree_hash_before", "tree_after", "tree_hash_after"}}; the trees are hex-encoded {@code
 * optional<Node> ratchet_tree<V>}, the proposal a hex-encoded {@code Proposal}.
 *
 * <p>Checks per entry: {@code tree_before} builds a tree that serialises back to the same bytes
 * and whose root tree hash (§7.8) is {@code tree_hash_before}; applying the proposal as sent by
 * {@code proposal_sender} yields a tree that serialises to exactly {@code tree_after}, has the size
 * of the smallest full tree holding it (the tree was extended or truncated), and whose root tree
 * hash is {@code tree_hash_after}.
 */
class TreeOperationsVectorTest {
    private static final Decoder<RatchetTreeNodes> TREE = RatchetTreeNodes::decode;
    private static final Decoder<Proposal> PROPOSAL = Proposal::decode;

    @TestFactory
    Stream<DynamicTest> applyingTheProposalYieldsTreeAfterAndBothTreeHashesMatch() {
        return TestVectors.entriesBySuite("tree-operations.json", entry -> {
            byte[] before = TestVectors.hex(entry, "tree_before");
            RatchetTree tree = RatchetTree.fromNodes(TREE.decodeAll(before));
            assertThat(TestVectors.toHex(tree.toNodes().encoded()))
                    .as("tree_before re-encoded")
                    .isEqualTo(TestVectors.toHex(before));

            TreeHash treeHash =
                    new TreeHash(CipherSuites.byId(entry.get("cipher_suite").asInt()));
            assertThat(treeHash.root(tree).hex())
                    .as("tree_hash_before")
                    .isEqualTo(entry.get("tree_hash_before").asText());

            LeafIndex sender = LeafIndex.of(entry.get("proposal_sender").asLong());
            switch (PROPOSAL.decodeAll(TestVectors.hex(entry, "proposal"))) {
                case Add add -> tree.addLeaf(add.keyPackage().leafNode());
                case Update update -> tree.updateLeaf(sender, update.leafNode());
                case Remove remove -> tree.removeLeaf(remove.removed());
                case Proposal other -> throw new AssertionError("unexpected proposal " + other.proposalType());
            }

            byte[] after = TestVectors.hex(entry, "tree_after");
            assertThat(TestVectors.toHex(tree.toNodes().encoded()))
                    .as("tree_after")
                    .isEqualTo(TestVectors.toHex(after));
            assertThat(tree.size())
                    .as("size after extending or truncating")
                    .isEqualTo(RatchetTree.fromNodes(TREE.decodeAll(after)).size());
            assertThat(treeHash.root(tree).hex())
                    .as("tree_hash_after")
                    .isEqualTo(entry.get("tree_hash_after").asText());
        });
    }
}
