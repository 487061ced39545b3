package org.vermerk.protocol.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRejected;
import static org.vermerk.protocol.testing.StructFixtures.bytes;
import static org.vermerk.protocol.testing.StructFixtures.keyPackageLeaf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

class RatchetTreeTest {
    /** A leaf whose encryption key names it, so trees are easy to compare. */
    private static LeafNode member(String name) {
        LeafNode template = keyPackageLeaf();
        return new LeafNode(
                Bytes.of(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                template.signatureKey(),
                template.credential(),
                template.capabilities(),
                template.source(),
                template.extensions(),
                template.signature());
    }

    private static ParentNode parent(String name, long... unmergedLeaves) {
        return new ParentNode(
                Bytes.of(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Bytes.EMPTY,
                Arrays.stream(unmergedLeaves).mapToObj(LeafIndex::of).toList());
    }

    /** A tree from its array, {@code null} for blank nodes. */
    private static RatchetTree tree(Node... nodes) throws DecodeException {
        List<Optional<Node>> list = new ArrayList<>();
        for (Node node : nodes) {
            list.add(Optional.ofNullable(node));
        }
        return RatchetTree.fromNodes(new RatchetTreeNodes(list));
    }

    private static List<Long> values(List<NodeIndex> nodes) {
        return nodes.stream().map(NodeIndex::value).toList();
    }

    /** The tree of RFC 9420 §4.1.1 (figure "A Tree with Blanks and Unmerged Leaves"). */
    @Test
    void resolutionFollowsTheRfcExample() throws DecodeException {
        RatchetTree tree = tree(
                member("A"),
                null,
                member("B"),
                parent("X", 1),
                null,
                null,
                member("D"),
                null,
                member("E"),
                parent("Y"),
                member("F"),
                null,
                null,
                null,
                member("H"));
        assertThat(values(tree.resolution(NodeIndex.of(3)))).as("X").containsExactly(3L, 2L);
        assertThat(tree.resolution(NodeIndex.of(4))).as("leaf 2").isEmpty();
        assertThat(tree.resolution(NodeIndex.of(12))).as("leaf 6").isEmpty();
        assertThat(values(tree.resolution(NodeIndex.of(7)))).as("top").containsExactly(3L, 2L, 9L, 14L);
    }

    /** The tree and table of RFC 9420 §4.1.2 (figure "A Complete Tree with Five Members"). */
    @Test
    void filteredDirectPathFollowsTheRfcExample() throws DecodeException {
        RatchetTree tree = tree(
                member("A"),
                parent("T"),
                member("B"),
                null,
                null,
                null,
                null,
                parent("W"),
                member("E"),
                parent("X"),
                member("F"),
                parent("Y"),
                member("G"));
        assertThat(tree.size().leafCount()).isEqualTo(8);
        assertThat(values(tree.filteredDirectPath(LeafIndex.of(0)))).as("A").containsExactly(1L, 7L);
        assertThat(values(tree.filteredDirectPath(LeafIndex.of(1)))).as("B").containsExactly(1L, 7L);
        assertThat(values(tree.filteredDirectPath(LeafIndex.of(4)))).as("E").containsExactly(9L, 11L, 7L);
        assertThat(values(tree.filteredDirectPath(LeafIndex.of(5)))).as("F").containsExactly(9L, 11L, 7L);
        assertThat(values(tree.filteredDirectPath(LeafIndex.of(6)))).as("G").containsExactly(11L, 7L);
    }

    @Test
    void addFillsTheLeftmostBlankLeafAndMarksItUnmergedAbove() throws DecodeException {
        RatchetTree tree = tree(member("A"), parent("P", 2), null, parent("R"), member("C"), null, member("D"));
        LeafIndex added = tree.addLeaf(member("B"));
        assertThat(added).isEqualTo(LeafIndex.of(1));
        assertThat(tree.parent(NodeIndex.of(1)).orElseThrow().unmergedLeaves())
                .containsExactly(LeafIndex.of(1), LeafIndex.of(2));
        assertThat(tree.parent(NodeIndex.of(3)).orElseThrow().unmergedLeaves()).containsExactly(LeafIndex.of(1));
        assertThat(tree.parent(NodeIndex.of(5))).isEmpty();
    }

    @Test
    void addToAFullTreeDoublesIt() throws DecodeException {
        RatchetTree tree = tree(member("A"), parent("P"), member("B"));
        LeafIndex added = tree.addLeaf(member("C"));
        assertThat(added).isEqualTo(LeafIndex.of(2));
        assertThat(tree.size().leafCount()).isEqualTo(4);
        assertThat(tree.isBlank(NodeIndex.of(3))).as("new root").isTrue();
        assertThat(tree.parent(NodeIndex.of(1)).orElseThrow().unmergedLeaves())
                .as("old root")
                .isEmpty();
        assertThat(tree.leaf(LeafIndex.of(2))).contains(member("C"));
    }

    @Test
    void firstLeafMakesAOneLeafTree() {
        RatchetTree tree = RatchetTree.withFirstLeaf(member("A"));
        assertThat(tree.size().leafCount()).isEqualTo(1);
        assertThat(tree.addLeaf(member("B"))).isEqualTo(LeafIndex.of(1));
        assertThat(tree.occupiedLeaves()).containsExactly(LeafIndex.of(0), LeafIndex.of(1));
    }

    @Test
    void removingTheRightmostMemberTruncatesTheTree() throws DecodeException {
        RatchetTree tree = tree(
                member("A"), parent("P"), member("B"), parent("R"), member("C"), parent("Q"), null, null, member("E"));
        assertThat(tree.size().leafCount()).isEqualTo(8);
        tree.removeLeaf(LeafIndex.of(4));
        assertThat(tree.size().leafCount()).isEqualTo(4);
        assertThat(tree.parent(NodeIndex.of(3)))
                .as("the left subtree's root is the new root")
                .isPresent();
        assertThat(tree.parent(NodeIndex.of(5)))
                .as("parent off the removed leaf's path")
                .isPresent();
        assertThatThrownBy(() -> tree.node(NodeIndex.of(8))).isInstanceOf(IllegalArgumentException.class);

        tree.removeLeaf(LeafIndex.of(2));
        assertThat(tree.size().leafCount()).isEqualTo(2);
        assertThat(tree.occupiedLeaves()).containsExactly(LeafIndex.of(0), LeafIndex.of(1));
    }

    @Test
    void removingAMemberInTheMiddleKeepsTheSize() throws DecodeException {
        RatchetTree tree = tree(member("A"), parent("P"), member("B"), parent("R"), member("C"));
        tree.removeLeaf(LeafIndex.of(1));
        assertThat(tree.size().leafCount()).isEqualTo(4);
        assertThat(tree.isBlank(NodeIndex.of(1))).isTrue();
        assertThat(tree.isBlank(NodeIndex.of(3))).isTrue();
        assertThat(tree.addLeaf(member("B2"))).as("the freed leaf is reused").isEqualTo(LeafIndex.of(1));
    }

    @Test
    void removingOrUpdatingABlankLeafIsRefused() throws DecodeException {
        RatchetTree tree = tree(member("A"), null, null, null, member("C"));
        assertThatThrownBy(() -> tree.removeLeaf(LeafIndex.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.updateLeaf(LeafIndex.of(1), member("B")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateReplacesTheLeafAndBlanksItsPath() throws DecodeException {
        RatchetTree tree =
                tree(member("A"), parent("P"), member("B"), parent("R"), member("C"), parent("Q"), member("D"));
        tree.updateLeaf(LeafIndex.of(2), member("C2"));
        assertThat(tree.leaf(LeafIndex.of(2))).contains(member("C2"));
        assertThat(tree.isBlank(NodeIndex.of(5))).isTrue();
        assertThat(tree.isBlank(NodeIndex.of(3))).isTrue();
        assertThat(tree.isBlank(NodeIndex.of(1))).isFalse();
    }

    @Test
    void serialisationDropsTrailingBlanksAndPaddingRestoresThem() throws DecodeException {
        RatchetTree tree = tree(member("A"), parent("P"), member("B"), null, member("C"));
        assertThat(tree.size().leafCount()).isEqualTo(4);
        assertThat(tree.isBlank(NodeIndex.of(6))).isTrue();
        assertThat(tree.toNodes().nodes()).hasSize(5);
    }

    @Test
    void copyIsIndependentOfTheOriginal() throws DecodeException {
        RatchetTree original = tree(member("A"), parent("P"), member("B"));
        RatchetTree copy = original.copy();
        copy.addLeaf(member("C"));
        copy.removeLeaf(LeafIndex.of(0));
        assertThat(original.size().leafCount()).isEqualTo(2);
        assertThat(original.occupiedLeaves()).containsExactly(LeafIndex.of(0), LeafIndex.of(1));
    }

    @Test
    void receivedTreeMustEndInANonBlankNode() {
        List<Optional<Node>> nodes = List.of(Optional.of(member("A")), Optional.empty());
        assertRejected(() -> RatchetTree.fromNodes(new RatchetTreeNodes(nodes)), TreeRule.TRAILING_BLANK);
        assertRejected(() -> RatchetTree.fromNodes(new RatchetTreeNodes(List.of())), TreeRule.EMPTY_TREE);
    }

    @Test
    void receivedTreeMustHaveLeavesAtEvenAndParentsAtOddPositions() {
        List<Optional<Node>> parentAtLeaf = List.of(Optional.of(parent("P")));
        assertRejected(() -> RatchetTree.fromNodes(new RatchetTreeNodes(parentAtLeaf)), TreeRule.NODE_KIND_AT_POSITION);
        List<Optional<Node>> leafAtParent = List.of(Optional.of(member("A")), Optional.of(member("B")));
        assertRejected(() -> RatchetTree.fromNodes(new RatchetTreeNodes(leafAtParent)), TreeRule.NODE_KIND_AT_POSITION);
    }

    @Test
    void nodesOutsideTheTreeAreRefused() throws DecodeException {
        RatchetTree tree = tree(member("A"), parent("P"), member("B"));
        assertThatThrownBy(() -> tree.node(NodeIndex.of(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.leaf(LeafIndex.of(2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parentNodeKeysSurviveTheTrip() throws DecodeException {
        RatchetTree tree = tree(member("A"), parent("P", 1), member("B"));
        assertThat(tree.parent(NodeIndex.of(1)).orElseThrow().encryptionKey()).isEqualTo(bytes("50"));
    }
}
