package org.vermerk.protocol.treemath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tree relations not covered by the vectors: paths, common ancestors and the index types. */
class TreeMathTest {
    private static final TreeSize EIGHT_LEAVES = TreeSize.ofLeaves(8);

    private static List<Long> values(List<NodeIndex> nodes) {
        return nodes.stream().map(NodeIndex::value).toList();
    }

    private static NodeIndex leaf(long index) {
        return LeafIndex.of(index).toNodeIndex();
    }

    /** The table in RFC 9420 §4.1.2: A = leaf 0, E = leaf 4, G = leaf 6 of an eight-leaf tree. */
    @Test
    void directPathsAndCopathsMatchTheRfcExample() {
        assertThat(values(EIGHT_LEAVES.directPath(leaf(0)))).containsExactly(1L, 3L, 7L); // T, U, W
        assertThat(values(EIGHT_LEAVES.copath(leaf(0)))).containsExactly(2L, 5L, 11L); // B, V, Y
        assertThat(values(EIGHT_LEAVES.directPath(leaf(4)))).containsExactly(9L, 11L, 7L); // X, Y, W
        assertThat(values(EIGHT_LEAVES.copath(leaf(4)))).containsExactly(10L, 13L, 3L); // F, Z, U
        assertThat(values(EIGHT_LEAVES.directPath(leaf(6)))).containsExactly(13L, 11L, 7L); // Z, Y, W
        assertThat(values(EIGHT_LEAVES.copath(leaf(6)))).containsExactly(14L, 9L, 3L); // H, X, U
    }

    @Test
    void directPathOfAParentStartsAboveIt() {
        assertThat(values(EIGHT_LEAVES.directPath(NodeIndex.of(9)))).containsExactly(11L, 7L);
        assertThat(values(EIGHT_LEAVES.copath(NodeIndex.of(9)))).containsExactly(13L, 3L);
    }

    @Test
    void rootHasEmptyDirectPathAndCopath() {
        assertThat(EIGHT_LEAVES.directPath(EIGHT_LEAVES.root())).isEmpty();
        assertThat(EIGHT_LEAVES.copath(EIGHT_LEAVES.root())).isEmpty();
        TreeSize oneLeaf = TreeSize.ofLeaves(1);
        assertThat(oneLeaf.root()).isEqualTo(leaf(0));
        assertThat(oneLeaf.directPath(leaf(0))).isEmpty();
    }

    @Test
    void levelCountsTheStepsAboveTheLeaves() {
        assertThat(NodeIndex.of(0).level()).isZero();
        assertThat(NodeIndex.of(1).level()).isEqualTo(1);
        assertThat(NodeIndex.of(3).level()).isEqualTo(2);
        assertThat(NodeIndex.of(11).level()).isEqualTo(2);
        assertThat(NodeIndex.of(7).level()).isEqualTo(3);
    }

    @Test
    void commonAncestorIsTheLowestNodeOnBothDirectPaths() {
        TreeSize size = TreeSize.ofLeaves(32);
        for (long x = 0; x < size.nodeWidth(); x++) {
            for (long y = 0; y < size.nodeWidth(); y++) {
                NodeIndex a = NodeIndex.of(x);
                NodeIndex b = NodeIndex.of(y);
                assertThat(a.commonAncestor(b))
                        .as("common ancestor of %d and %d", x, y)
                        .isEqualTo(lowestShared(size, a, b));
            }
        }
    }

    /** {@code common_ancestor_semantic} of Appendix C, as the reference. */
    private static NodeIndex lowestShared(TreeSize size, NodeIndex a, NodeIndex b) {
        List<NodeIndex> pathA = new ArrayList<>(List.of(a));
        pathA.addAll(size.directPath(a));
        List<NodeIndex> pathB = new ArrayList<>(List.of(b));
        pathB.addAll(size.directPath(b));
        return pathA.stream().filter(pathB::contains).findFirst().orElseThrow();
    }

    @Test
    void leafAndNodeIndicesConvertBothWays() {
        assertThat(LeafIndex.of(5).toNodeIndex()).isEqualTo(NodeIndex.of(10));
        assertThat(NodeIndex.of(10).toLeafIndex()).isEqualTo(LeafIndex.of(5));
        assertThat(LeafIndex.of(LeafIndex.MAX_VALUE).toNodeIndex().value()).isEqualTo(NodeIndex.MAX_VALUE);
    }

    @Test
    void parentNodeIsNotALeaf() {
        assertThatThrownBy(() -> NodeIndex.of(3).toLeafIndex()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leafHasNoChildren() {
        assertThatThrownBy(() -> NodeIndex.of(4).left()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeIndex.of(4).right()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rootHasNoParentOrSibling() {
        assertThatThrownBy(() -> EIGHT_LEAVES.parent(NodeIndex.of(7))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EIGHT_LEAVES.sibling(NodeIndex.of(7))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodeOutsideTheTreeHasNoParent() {
        assertThatThrownBy(() -> EIGHT_LEAVES.parent(NodeIndex.of(15))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treeSizeIsAPowerOfTwo() {
        assertThatThrownBy(() -> TreeSize.ofLeaves(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeSize.ofLeaves(6)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TreeSize.ofLeaves(TreeSize.MAX_LEAF_COUNT).root().value()).isEqualTo((1L << 32) - 1);
    }

    @Test
    void smallestTreeHoldingALeafHasMoreLeavesThanItsIndex() {
        assertThat(TreeSize.holding(LeafIndex.of(0)).leafCount()).isEqualTo(1);
        assertThat(TreeSize.holding(LeafIndex.of(1)).leafCount()).isEqualTo(2);
        assertThat(TreeSize.holding(LeafIndex.of(4)).leafCount()).isEqualTo(8);
        assertThat(TreeSize.holding(LeafIndex.of(7)).leafCount()).isEqualTo(8);
        assertThat(TreeSize.holding(LeafIndex.of(LeafIndex.MAX_VALUE)).leafCount())
                .isEqualTo(TreeSize.MAX_LEAF_COUNT);
    }

    @Test
    void indicesOutsideTheUint32RangeAreRefused() {
        assertThatThrownBy(() -> LeafIndex.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LeafIndex.of(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeIndex.of(NodeIndex.MAX_VALUE + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
