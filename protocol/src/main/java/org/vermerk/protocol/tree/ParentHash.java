package org.vermerk.protocol.tree;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Parent hashes (RFC 9420 §7.9): computing the parent hash of a parent node with respect to one of
 * its children, and verifying that every non-blank parent node of a tree is parent-hash valid
 * (§7.9.2), as a member joining a group must. Computing the hashes along a new path is {@link
 * PathMerge}'s job. Stateless and thread-safe.
 */
public final class ParentHash {
    private final CipherSuite suite;
    private final TreeHash treeHash;

    public ParentHash(CipherSuite suite) {
        this.suite = suite;
        this.treeHash = new TreeHash(suite);
    }

    /** {@code Hash(ParentHashInput)} of a parent node's key and parent hash and the sibling's hash. */
    public Bytes of(Bytes encryptionKey, Bytes parentHashField, Bytes originalSiblingTreeHash) {
        return Bytes.of(
                suite.hash(new ParentHashInput(encryptionKey, parentHashField, originalSiblingTreeHash).encoded()));
    }

    /**
     * Checks the "top down" way of §7.9.2 that each non-blank parent node P is parent-hash valid:
     * of its two children, exactly one, C, has a resolution made of one node D plus exactly P's
     * unmerged leaves under C, with D's {@code parent_hash} equal to the parent hash of P with
     * copath child S, the other child (TREE-6). Since every parent is checked, each link leads down
     * to a leaf, so every parent is covered by a chain that a leaf's signature vouches for.
     */
    public void verifyTree(RatchetTree tree) throws InvalidTreeException {
        List<Bytes> hashes = treeHash.allNodes(tree);
        for (long position = 1; position < tree.size().nodeWidth(); position += 2) {
            NodeIndex node = NodeIndex.of(position);
            Optional<ParentNode> parent = tree.parent(node);
            if (parent.isEmpty()) {
                continue;
            }
            int links = (linksDown(tree, parent.get(), node.left(), node.right(), hashes) ? 1 : 0)
                    + (linksDown(tree, parent.get(), node.right(), node.left(), hashes) ? 1 : 0);
            if (links != 1) {
                throw new InvalidTreeException(
                        TreeRule.PARENT_HASH_INVALID,
                        node + " is linked by " + links + " descendants, not exactly one");
            }
        }
    }

    /** Whether the parent hash of P with copath child {@code sibling} is carried by a node below {@code child}. */
    private boolean linksDown(RatchetTree tree, ParentNode p, NodeIndex child, NodeIndex sibling, List<Bytes> hashes) {
        Set<LeafIndex> unmerged = Set.copyOf(p.unmergedLeaves());
        Set<NodeIndex> unmergedBelowChild = new HashSet<>();
        boolean unmergedBelowSibling = false;
        for (LeafIndex leaf : unmerged) {
            NodeIndex leafNode = leaf.toNodeIndex();
            if (isInSubtree(leafNode, child)) {
                unmergedBelowChild.add(leafNode);
            } else if (isInSubtree(leafNode, sibling)) {
                unmergedBelowSibling = true;
            }
        }
        List<NodeIndex> resolution = tree.resolution(child);
        Set<NodeIndex> rest = new HashSet<>(resolution);
        if (!rest.containsAll(unmergedBelowChild)) {
            return false;
        }
        rest.removeAll(unmergedBelowChild);
        if (rest.size() != 1) {
            return false;
        }
        Optional<Bytes> carried = parentHashField(tree, rest.iterator().next());
        if (carried.isEmpty()) {
            return false;
        }
        Bytes siblingHash = unmergedBelowSibling
                ? treeHash.withLeavesBlanked(tree, sibling, unmerged)
                : hashes.get((int) sibling.value());
        return carried.get().equals(of(p.encryptionKey(), p.parentHash(), siblingHash));
    }

    /** The {@code parent_hash} a node carries: a parent's field, or a commit-sourced leaf's. */
    static Optional<Bytes> parentHashField(RatchetTree tree, NodeIndex node) {
        return switch (tree.node(node).orElse(null)) {
            case ParentNode parent -> Optional.of(parent.parentHash());
            case LeafNode leaf
            when leaf.source() instanceof LeafNodeSource.FromCommit(Bytes parentHash) -> Optional.of(parentHash);
            case null, default -> Optional.empty();
        };
    }

    /** Whether {@code node} is {@code root} or lies below it. */
    static boolean isInSubtree(NodeIndex node, NodeIndex root) {
        return root.commonAncestor(node).equals(root);
    }
}
