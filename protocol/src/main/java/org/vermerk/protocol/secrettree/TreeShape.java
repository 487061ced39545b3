package org.vermerk.protocol.secrettree;

/**
 * The little array-tree math the secret tree needs (RFC 9420 Appendix C): nodes numbered
 * left to right, leaves at even indices, a tree of {@code n} leaves (a power of two) with {@code
 * 2n - 1} nodes. Kept private to this package; the full tree math lives elsewhere.
 */
final class TreeShape {
    private TreeShape() {}

    /** The level of a node: leaves 0, their parents 1, and so on. */
    static int level(int node) {
        return Integer.numberOfTrailingZeros(~node);
    }

    static int root(int leafCount) {
        return leafCount - 1;
    }

    static int left(int node) {
        return node ^ (1 << (level(node) - 1));
    }

    static int right(int node) {
        return node ^ (3 << (level(node) - 1));
    }
}
