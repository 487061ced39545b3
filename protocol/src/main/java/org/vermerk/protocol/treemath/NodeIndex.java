package org.vermerk.protocol.treemath;

/**
 * The position of a node in the array representation of a ratchet tree (RFC 9420 Appendix C):
 * leaves at even positions, parents at odd ones. The relations that do not depend on the tree's
 * size (level, children, common ancestor) are here; those that do are on {@link TreeSize}.
 */
public record NodeIndex(long value) implements Comparable<NodeIndex> {
    /** The position of the last leaf when leaf indices use the whole {@code uint32} range. */
    public static final long MAX_VALUE = 2 * LeafIndex.MAX_VALUE;

    public NodeIndex {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("node index out of range: " + value);
        }
    }

    public static NodeIndex of(long value) {
        return new NodeIndex(value);
    }

    public boolean isLeaf() {
        return (value & 1) == 0;
    }

    /** The leaf at this position; only for even positions. */
    public LeafIndex toLeafIndex() {
        if (!isLeaf()) {
            throw new IllegalArgumentException(this + " is a parent, not a leaf");
        }
        return new LeafIndex(value >>> 1);
    }

    /**
     * {@code level(x)}: 0 for leaves, 1 for their parents, and so on; the number of trailing one
     * bits of the index.
     */
    public int level() {
        return Long.numberOfTrailingZeros(~value);
    }

    /** {@code left(x)}: the left child of a parent node. */
    public NodeIndex left() {
        int k = requireParentLevel();
        return new NodeIndex(value ^ (1L << (k - 1)));
    }

    /** {@code right(x)}: the right child of a parent node. */
    public NodeIndex right() {
        int k = requireParentLevel();
        return new NodeIndex(value ^ (3L << (k - 1)));
    }

    private int requireParentLevel() {
        int k = level();
        if (k == 0) {
            throw new IllegalArgumentException(this + " is a leaf and has no children");
        }
        return k;
    }

    /**
     * {@code common_ancestor_direct(x, y)}: the lowest node whose subtree holds both nodes; a node
     * that is an ancestor of the other (or the other itself) is the answer.
     */
    public NodeIndex commonAncestor(NodeIndex other) {
        long x = value;
        long y = other.value;
        int lx = level() + 1;
        int ly = other.level() + 1;
        if (lx <= ly && (x >>> ly) == (y >>> ly)) {
            return other;
        }
        if (ly <= lx && (x >>> lx) == (y >>> lx)) {
            return this;
        }
        int k = 0;
        while (x != y) {
            x >>>= 1;
            y >>>= 1;
            k++;
        }
        return new NodeIndex((x << k) + (1L << (k - 1)) - 1);
    }

    @Override
    public int compareTo(NodeIndex other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "node " + value;
    }
}
