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
 * which some leaves are blanked and dropped from every {@code unmerged_leaves} list. Keeps no state
 * of its own; plain tree hashes are remembered in the {@link RatchetTree} (so a call touches the
 * tree and belongs to the tree's thread), variants with blanked leaves are computed each time.
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

    /**
     * The tree hash of {@code node}; with {@code all}, also those of every node below it into
     * {@code all}. Plain tree hashes (nothing blanked) are remembered in the tree, which forgets
     * those of changed nodes and their ancestors, so that after a commit only the changed paths are
     * hashed again.
     */
    private Bytes compute(RatchetTree tree, NodeIndex node, Set<LeafIndex> blanked, Bytes[] all) {
        boolean plain = blanked.isEmpty();
        Bytes known = plain ? tree.knownTreeHash(node, suite.id()) : null;
        if (known != null && all == null) {
            return known;
        }
        TreeHashInput input = null;
        if (node.isLeaf()) {
            if (known == null) {
                LeafIndex leaf = node.toLeafIndex();
                Optional<LeafNode> leafNode = blanked.contains(leaf) ? Optional.empty() : tree.leaf(leaf);
                input = new LeafNodeHashInput(leaf, leafNode);
            }
        } else {
            Bytes left = compute(tree, node.left(), blanked, all);
            Bytes right = compute(tree, node.right(), blanked, all);
            if (known == null) {
                input = new ParentNodeHashInput(tree.parent(node).map(p -> withoutUnmerged(p, blanked)), left, right);
            }
        }
        Bytes hash = known;
        if (hash == null) {
            hash = Bytes.of(suite.hash(input.encoded()));
            if (plain) {
                tree.rememberTreeHash(node, suite.id(), hash);
            }
        }
        if (all != null) {
            all[(int) node.value()] = hash;
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
