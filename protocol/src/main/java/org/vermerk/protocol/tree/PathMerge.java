package org.vermerk.protocol.tree;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * The public half of TreeKEM: merging an UpdatePath into the tree (RFC 9420 §7.5). For the
 * sender's leaf it blanks the direct path, sets each node of the filtered direct path to a parent
 * node with the new public key and no unmerged leaves, and computes the parent hashes from the
 * root down (§7.9), so that each node's {@code parent_hash} is the parent hash of the next node
 * above it. The committer and every receiver run the same steps; the committer signs its new leaf
 * with the resulting {@linkplain MergedKeys#leafParentHash() leaf parent hash}, a receiver checks
 * it (TREE-11).
 *
 * <p>The tree is changed in place: work on a {@link RatchetTree#copy()} while the commit may
 * still be discarded. Stateless and thread-safe itself.
 */
public final class PathMerge {
    private final TreeHash treeHash;
    private final ParentHash parentHash;

    public PathMerge(CipherSuite suite) {
        this.treeHash = new TreeHash(suite);
        this.parentHash = new ParentHash(suite);
    }

    /** Merges a received UpdatePath: its keys, then its leaf, whose parent hash must match (TREE-11). */
    public void merge(RatchetTree tree, LeafIndex sender, UpdatePath path) throws InvalidTreeException {
        mergeKeys(
                        tree,
                        sender,
                        path.nodes().stream().map(UpdatePathNode::encryptionKey).toList())
                .placeLeaf(path.leafNode());
    }

    /**
     * Sets the new keys along the sender's filtered direct path, one for each of its nodes in
     * order (TREE-12 otherwise); the sender's leaf stays as it was until {@link
     * MergedKeys#placeLeaf} replaces it.
     */
    public MergedKeys mergeKeys(RatchetTree tree, LeafIndex sender, List<Bytes> keys) throws InvalidTreeException {
        if (tree.leaf(sender).isEmpty()) {
            throw new IllegalArgumentException("the sender's " + sender + " is blank");
        }
        List<NodeIndex> filtered = tree.filteredDirectPath(sender);
        if (keys.size() != filtered.size()) {
            throw new InvalidTreeException(
                    TreeRule.PATH_LENGTH, keys.size() + " path nodes for a filtered direct path of " + filtered.size());
        }
        tree.blankDirectPath(sender);
        Bytes above = Bytes.EMPTY; // the root's parent_hash is empty
        for (int i = filtered.size() - 1; i >= 0; i--) {
            NodeIndex node = filtered.get(i);
            tree.setParent(node, new ParentNode(keys.get(i), above, List.of()));
            NodeIndex sibling = copathChild(node, sender);
            above = parentHash.of(keys.get(i), above, treeHash.of(tree, sibling));
        }
        return new MergedKeys(tree, sender, above);
    }

    /** The child of {@code node} whose subtree does not hold the sender's leaf. */
    private static NodeIndex copathChild(NodeIndex node, LeafIndex sender) {
        NodeIndex left = node.left();
        return ParentHash.isInSubtree(sender.toNodeIndex(), left) ? node.right() : left;
    }

    /** A path whose keys are merged; the sender's new leaf is still to be placed. */
    public static final class MergedKeys {
        private final RatchetTree tree;
        private final LeafIndex sender;
        private final Bytes leafParentHash;

        private MergedKeys(RatchetTree tree, LeafIndex sender, Bytes leafParentHash) {
            this.tree = tree;
            this.sender = sender;
            this.leafParentHash = leafParentHash;
        }

        /** The parent hash the sender's new leaf must carry: that of the first filtered direct path node, or empty. */
        public Bytes leafParentHash() {
            return leafParentHash;
        }

        /** Places the sender's new leaf, which must be a commit leaf with {@link #leafParentHash()} (TREE-11). */
        public void placeLeaf(LeafNode leaf) throws InvalidTreeException {
            if (!(leaf.source() instanceof LeafNodeSource.FromCommit(Bytes carried))
                    || !carried.equals(leafParentHash)) {
                throw new InvalidTreeException(
                        TreeRule.LEAF_PARENT_HASH_MISMATCH,
                        "the new leaf of " + sender + " does not carry the parent hash of its path");
            }
            tree.setLeaf(sender, leaf);
        }
    }
}
