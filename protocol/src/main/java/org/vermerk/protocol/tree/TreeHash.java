package org.vermerk.protocol.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.tree.TreeHashInput.LeafNodeHashInput;
import org.vermerk.protocol.tree.TreeHashInput.ParentNodeHashInput;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Tree hashes (RFC 9420 §7.8): the hash of a node's {@link TreeHashInput}, computed recursively
 * from the leaves up. The root's tree hash is the {@code tree_hash} of the GroupContext.
 *
 * <p>Also the variant that parent hashes need (§7.9): the "original" tree hash of a subtree in
 * which some leaves are blanked and dropped from every {@code unmerged_leaves} list. Stateless and
 * thread-safe; each call walks the subtree once.
 */
public final class TreeHash {
    private final CipherSuite suite;

    public TreeHash(CipherSuite suite) {
        this.suite = suite;
    }

    /** The tree hash of the root: the value of {@code GroupContext.tree_hash}. */
    public Bytes root(RatchetTree tree) {
        return of(tree, tree.size().root());
    }

    /** The tree hash of one node. */
    public Bytes of(RatchetTree tree, NodeIndex node) {
        return compute(tree, node, Set.of(), null);
    }

    /** The tree hash of every node, indexed by node position, in one walk of the tree. */
    public List<Bytes> allNodes(RatchetTree tree) {
        Bytes[] hashes = new Bytes[(int) tree.size().nodeWidth()];
        compute(tree, tree.size().root(), Set.of(), hashes);
        return List.copyOf(Arrays.asList(hashes));
    }

    /**
     * The tree hash of {@code node} in the tree where each leaf of {@code blanked} is blank and
     * appears in no {@code unmerged_leaves} list (§7.9, {@code original_sibling_tree_hash}).
     */
    public Bytes withLeavesBlanked(RatchetTree tree, NodeIndex node, Set<LeafIndex> blanked) {
        return compute(tree, node, blanked, null);
    }

    private Bytes compute(RatchetTree tree, NodeIndex node, Set<LeafIndex> blanked, Bytes[] cache) {
        TreeHashInput input;
        if (node.isLeaf()) {
            LeafIndex leaf = node.toLeafIndex();
            Optional<LeafNode> leafNode = blanked.contains(leaf) ? Optional.empty() : tree.leaf(leaf);
            input = new LeafNodeHashInput(leaf, leafNode);
        } else {
            Bytes left = compute(tree, node.left(), blanked, cache);
            Bytes right = compute(tree, node.right(), blanked, cache);
            input = new ParentNodeHashInput(tree.parent(node).map(p -> withoutUnmerged(p, blanked)), left, right);
        }
        Bytes hash = Bytes.of(suite.hash(input.encoded()));
        if (cache != null) {
            cache[(int) node.value()] = hash;
        }
        return hash;
    }

    private static ParentNode withoutUnmerged(ParentNode parent, Set<LeafIndex> blanked) {
        if (blanked.isEmpty()) {
            return parent;
        }
        List<LeafIndex> kept = new ArrayList<>(parent.unmergedLeaves());
        kept.removeAll(blanked);
        return new ParentNode(parent.encryptionKey(), parent.parentHash(), kept);
    }
}
