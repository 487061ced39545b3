package org.vermerk.protocol.treemath;

import java.util.ArrayList;
import java.util.List;

/**
 * The number of leaves of a ratchet tree, always a power of two because every MLS tree is a
 * perfect binary tree (RFC 9420 §4.1, §7.8), with the array-tree relations that depend on it
 * (Appendix C): node width, root, parent, sibling, direct path and copath.
 */
public record TreeSize(long leafCount) {
    /** The largest tree: one leaf for every {@code uint32} leaf index. */
    public static final long MAX_LEAF_COUNT = LeafIndex.MAX_VALUE + 1;

    public TreeSize {
        if (leafCount < 1 || leafCount > MAX_LEAF_COUNT || Long.bitCount(leafCount) != 1) {
            throw new IllegalArgumentException("a tree has a power of two leaves, not " + leafCount);
        }
    }

    public static TreeSize ofLeaves(long leafCount) {
        return new TreeSize(leafCount);
    }

    /** The smallest tree that has a leaf with the given index. */
    public static TreeSize holding(LeafIndex leaf) {
        long index = leaf.value();
        return new TreeSize(index == 0 ? 1 : Long.highestOneBit(index) << 1);
    }

    /** {@code node_width(n)}: the number of array entries, {@code 2n - 1}. */
    public long nodeWidth() {
        return 2 * (leafCount - 1) + 1;
    }

    /** {@code root(n)}. */
    public NodeIndex root() {
        return new NodeIndex(Long.highestOneBit(nodeWidth()) - 1);
    }

    public boolean contains(NodeIndex node) {
        return node.value() < nodeWidth();
    }

    public boolean contains(LeafIndex leaf) {
        return leaf.value() < leafCount;
    }

    /** The tree with twice as many leaves: this tree as its left subtree. */
    public TreeSize doubled() {
        return new TreeSize(leafCount * 2);
    }

    /** The tree's left subtree as a tree of its own; a one-leaf tree cannot be halved. */
    public TreeSize halved() {
        return new TreeSize(leafCount / 2);
    }

    /** {@code parent(x, n)}: the parent of any node but the root. */
    public NodeIndex parent(NodeIndex node) {
        requireContained(node);
        if (node.equals(root())) {
            throw new IllegalArgumentException("the root " + node + " has no parent");
        }
        long x = node.value();
        int k = node.level();
        long b = (x >>> (k + 1)) & 1;
        return new NodeIndex((x | (1L << k)) ^ (b << (k + 1)));
    }

    /** {@code sibling(x, n)}: the other child of the node's parent. */
    public NodeIndex sibling(NodeIndex node) {
        NodeIndex parent = parent(node);
        return node.compareTo(parent) < 0 ? parent.right() : parent.left();
    }

    /** {@code direct_path(x, n)}: the node's ancestors from its parent up to the root. */
    public List<NodeIndex> directPath(NodeIndex node) {
        requireContained(node);
        NodeIndex root = root();
        List<NodeIndex> path = new ArrayList<>();
        for (NodeIndex x = node; !x.equals(root); ) {
            x = parent(x);
            path.add(x);
        }
        return List.copyOf(path);
    }

    /** {@code copath(x, n)}: the siblings of the node and of its ancestors below the root. */
    public List<NodeIndex> copath(NodeIndex node) {
        requireContained(node);
        NodeIndex root = root();
        List<NodeIndex> copath = new ArrayList<>();
        for (NodeIndex x = node; !x.equals(root); x = parent(x)) {
            copath.add(sibling(x));
        }
        return List.copyOf(copath);
    }

    private void requireContained(NodeIndex node) {
        if (!contains(node)) {
            throw new IllegalArgumentException(node + " is outside a tree of " + leafCount + " leaves");
        }
    }
}
