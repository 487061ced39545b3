package org.vermerk.protocol.tree;

import java.util.Objects;

/**
 * A leaf node that passed leaf node validation (RFC 9420 §7.3) for the use its {@link
 * LeafNodeContext} named. Only {@link LeafNodeValidator} makes one, so code that takes a {@code
 * VerifiedLeafNode} cannot be handed a leaf straight from the wire.
 */
public final class VerifiedLeafNode {
    private final LeafNode leafNode;
    private final LeafNodeContext.Use use;

    VerifiedLeafNode(LeafNode leafNode, LeafNodeContext.Use use) {
        this.leafNode = Objects.requireNonNull(leafNode);
        this.use = use;
    }

    public LeafNode leafNode() {
        return leafNode;
    }

    /** Where the leaf was found valid: a KeyPackage, an Update, an UpdatePath or a tree. */
    public LeafNodeContext.Use use() {
        return use;
    }

    @Override
    public String toString() {
        return "VerifiedLeafNode[" + use + ", " + leafNode.source().type() + "]";
    }
}
