package org.vermerk.protocol.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;
import org.vermerk.protocol.treemath.TreeSize;

/**
 * The public state of a group's ratchet tree (RFC 9420 §4, §7): an array of nodes in the layout of
 * Appendix C, each blank or holding a {@link LeafNode} (even positions) or a {@link ParentNode}
 * (odd positions), always with a power of two leaves.
 *
 * <p>The structural operations need no cryptography: adding a leaf at the leftmost blank leaf
 * (extending the tree when none is blank) and marking it unmerged above it (§12.1.1), replacing a
 * leaf and blanking its path (§12.1.2), removing a leaf and truncating (§12.1.3, §7.7), and the
 * resolution and filtered direct path (§4.1). Tree hashes, parent hashes and the validity of the
 * nodes are checked elsewhere.
 *
 * <p>A tree is mutable and not thread-safe: it belongs to the one thread working on its group. To
 * try changes that may be discarded (a staged commit), work on a {@link #copy()}. Nodes themselves
 * are immutable values.
 */
public final class RatchetTree {
    /** The engine's limit, so that node positions fit an {@code int}. */
    static final long MAX_NODE_WIDTH = (1L << 30) - 1;

    /** {@code nodes.get(i)} is the node at position {@code i}, {@code null} when blank. */
    private final ArrayList<Node> nodes;

    private TreeSize size;

    /**
     * Tree hashes that {@link TreeHash} computed with cipher suite {@link #treeHashSuite}, by node
     * position; {@code null} where unknown, the whole array {@code null} when none is known. A
     * change of a node forgets the hashes of the node and its ancestors; growing or shrinking the
     * tree forgets all. Belongs to the tree's thread, as the tree does.
     */
    private Bytes[] treeHashes;

    private int treeHashSuite;

    private RatchetTree(TreeSize size, ArrayList<Node> nodes) {
        this.size = size;
        this.nodes = nodes;
    }

    /** A tree of one leaf, as its creator starts a group (§11). */
    public static RatchetTree withFirstLeaf(LeafNode leaf) {
        ArrayList<Node> nodes = new ArrayList<>();
        nodes.add(leaf);
        return new RatchetTree(TreeSize.ofLeaves(1), nodes);
    }

    /**
     * The tree a {@code ratchet_tree} vector describes, padded with blank nodes to the smallest full
     * tree (§12.4.3.3).
     */
    public static RatchetTree fromNodes(RatchetTreeNodes encoded) throws DecodeException {
        List<Optional<Node>> given = encoded.nodes();
        if (given.isEmpty()) {
            throw new DecodeException(TreeRule.EMPTY_TREE, "the ratchet_tree vector is empty");
        }
        if (given.getLast().isEmpty()) {
            throw new DecodeException(TreeRule.TRAILING_BLANK, "node " + (given.size() - 1) + " is blank");
        }
        if (given.size() > MAX_NODE_WIDTH) {
            throw new DecodeException(TreeRule.TOO_LARGE, given.size() + " nodes");
        }
        TreeSize size = smallestTreeOfWidth(given.size());
        ArrayList<Node> nodes = new ArrayList<>((int) size.nodeWidth());
        for (int i = 0; i < given.size(); i++) {
            Node node = given.get(i).orElse(null);
            if (node != null && (node instanceof LeafNode) != (i % 2 == 0)) {
                throw new DecodeException(TreeRule.NODE_KIND_AT_POSITION, node.nodeType() + " node at position " + i);
            }
            nodes.add(node);
        }
        while (nodes.size() < size.nodeWidth()) {
            nodes.add(null);
        }
        return new RatchetTree(size, nodes);
    }

    /** The full tree with the fewest leaves whose array has at least {@code width} positions. */
    private static TreeSize smallestTreeOfWidth(int width) {
        long leavesNeeded = width / 2 + 1; // 2 * leaves - 1 >= width
        long leaves = Long.highestOneBit(leavesNeeded);
        return TreeSize.ofLeaves(leaves < leavesNeeded ? leaves * 2 : leaves);
    }

    /** The {@code ratchet_tree} vector of this tree: its nodes without the trailing blanks. */
    public RatchetTreeNodes toNodes() {
        int end = nodes.size();
        while (end > 0 && nodes.get(end - 1) == null) {
            end--;
        }
        List<Optional<Node>> out = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            out.add(Optional.ofNullable(nodes.get(i)));
        }
        return new RatchetTreeNodes(out);
    }

    /** An independent tree with the same nodes. */
    public RatchetTree copy() {
        RatchetTree copy = new RatchetTree(size, new ArrayList<>(nodes));
        if (treeHashes != null) {
            copy.treeHashes = treeHashes.clone();
            copy.treeHashSuite = treeHashSuite;
        }
        return copy;
    }

    /** The tree hash of {@code node} under cipher suite {@code suite} if known; for {@link TreeHash}. */
    Bytes knownTreeHash(NodeIndex node, int suite) {
        if (treeHashes == null || treeHashSuite != suite) {
            return null;
        }
        return treeHashes[position(node)];
    }

    /** Remembers the tree hash of {@code node} under cipher suite {@code suite}; for {@link TreeHash}. */
    void rememberTreeHash(NodeIndex node, int suite, Bytes hash) {
        int position = position(node);
        if (treeHashes == null || treeHashSuite != suite) {
            treeHashes = new Bytes[(int) size.nodeWidth()];
            treeHashSuite = suite;
        }
        treeHashes[position] = hash;
    }

    /** Sets the node at {@code position} and forgets the tree hashes it changes. */
    private void set(int position, Node node) {
        nodes.set(position, node);
        if (treeHashes != null) {
            NodeIndex changed = NodeIndex.of(position);
            treeHashes[position] = null;
            NodeIndex root = size.root();
            while (!changed.equals(root)) {
                changed = size.parent(changed);
                treeHashes[(int) changed.value()] = null;
            }
        }
    }

    public TreeSize size() {
        return size;
    }

    public Optional<Node> node(NodeIndex index) {
        return Optional.ofNullable(nodes.get(position(index)));
    }

    public boolean isBlank(NodeIndex index) {
        return nodes.get(position(index)) == null;
    }

    public Optional<LeafNode> leaf(LeafIndex leaf) {
        return Optional.ofNullable((LeafNode) nodes.get(position(leaf.toNodeIndex())));
    }

    /** The parent node at an odd position, if not blank. */
    public Optional<ParentNode> parent(NodeIndex index) {
        if (index.isLeaf()) {
            throw new IllegalArgumentException(index + " is a leaf position");
        }
        return Optional.ofNullable((ParentNode) nodes.get(position(index)));
    }

    /** The indices of the occupied leaves, in order. */
    public List<LeafIndex> occupiedLeaves() {
        List<LeafIndex> leaves = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i += 2) {
            if (nodes.get(i) != null) {
                leaves.add(LeafIndex.of(i / 2));
            }
        }
        return leaves;
    }

    /**
     * Adds a member (§12.1.1): into the leftmost blank leaf, or the first leaf of a new right half
     * when the tree is full; the new leaf becomes unmerged at every non-blank parent above it.
     */
    public LeafIndex addLeaf(LeafNode leafNode) {
        LeafIndex leaf = leftmostBlankLeaf().orElseGet(() -> {
            long first = size.leafCount();
            extend();
            return LeafIndex.of(first);
        });
        for (NodeIndex ancestor : size.directPath(leaf.toNodeIndex())) {
            if (nodes.get(position(ancestor)) instanceof ParentNode parent) {
                set(position(ancestor), withUnmergedLeaf(parent, leaf));
            }
        }
        set(position(leaf.toNodeIndex()), leafNode);
        return leaf;
    }

    /** Replaces a member's leaf and blanks the parents above it, as an Update does (§12.1.2). */
    public void updateLeaf(LeafIndex leaf, LeafNode leafNode) {
        requireOccupied(leaf);
        set(position(leaf.toNodeIndex()), leafNode);
        blankDirectPath(leaf);
    }

    /**
     * Removes a member (§12.1.3): blanks its leaf and the parents above it, then truncates the
     * tree while its right half holds no member.
     */
    public void removeLeaf(LeafIndex leaf) {
        requireOccupied(leaf);
        set(position(leaf.toNodeIndex()), null);
        blankDirectPath(leaf);
        truncate();
    }

    /** Sets a parent node, as merging an UpdatePath does (§7.5); for {@link PathMerge}. */
    void setParent(NodeIndex index, ParentNode parent) {
        if (index.isLeaf()) {
            throw new IllegalArgumentException(index + " is a leaf position");
        }
        set(position(index), parent);
    }

    /** Replaces an occupied leaf and nothing else, as merging an UpdatePath does (§7.5); for {@link PathMerge}. */
    void setLeaf(LeafIndex leaf, LeafNode leafNode) {
        requireOccupied(leaf);
        set(position(leaf.toNodeIndex()), leafNode);
    }

    /** Blanks every parent node on a leaf's direct path. */
    public void blankDirectPath(LeafIndex leaf) {
        for (NodeIndex ancestor : size.directPath(leaf.toNodeIndex())) {
            set(position(ancestor), null);
        }
    }

    /** Doubles the tree: a new blank root, the old tree on its left, a blank subtree on its right (§7.7). */
    void extend() {
        TreeSize larger = size.doubled();
        if (larger.nodeWidth() > MAX_NODE_WIDTH) {
            throw new IllegalStateException("the tree cannot grow beyond " + size.leafCount() + " leaves");
        }
        while (nodes.size() < larger.nodeWidth()) {
            nodes.add(null);
        }
        size = larger;
        treeHashes = null;
    }

    /** Halves the tree while its right half has no occupied leaf and more than one leaf is left. */
    void truncate() {
        while (size.leafCount() > 1 && rightHalfHasNoMember()) {
            size = size.halved();
            nodes.subList((int) size.nodeWidth(), nodes.size()).clear();
            treeHashes = null;
        }
    }

    private boolean rightHalfHasNoMember() {
        for (int i = (int) size.leafCount(); i < nodes.size(); i += 2) {
            if (nodes.get(i) != null) {
                return false;
            }
        }
        return true;
    }

    private Optional<LeafIndex> leftmostBlankLeaf() {
        for (int i = 0; i < nodes.size(); i += 2) {
            if (nodes.get(i) == null) {
                return Optional.of(LeafIndex.of(i / 2));
            }
        }
        return Optional.empty();
    }

    private static ParentNode withUnmergedLeaf(ParentNode parent, LeafIndex leaf) {
        TreeSet<LeafIndex> unmerged = new TreeSet<>(parent.unmergedLeaves());
        unmerged.add(leaf);
        return new ParentNode(parent.encryptionKey(), parent.parentHash(), List.copyOf(unmerged));
    }

    /**
     * The resolution of a node (§4.1.1): a non-blank node followed by its unmerged leaves; nothing
     * for a blank leaf; for a blank parent, the resolution of its left child, then of its right.
     */
    public List<NodeIndex> resolution(NodeIndex index) {
        List<NodeIndex> out = new ArrayList<>();
        collectResolution(index, out);
        return Collections.unmodifiableList(out);
    }

    private void collectResolution(NodeIndex index, List<NodeIndex> out) {
        Node node = nodes.get(position(index));
        switch (node) {
            case LeafNode leaf -> out.add(index);
            case ParentNode parent -> {
                out.add(index);
                parent.unmergedLeaves().forEach(leaf -> out.add(leaf.toNodeIndex()));
            }
            case null -> {
                if (!index.isLeaf()) {
                    collectResolution(index.left(), out);
                    collectResolution(index.right(), out);
                }
            }
        }
    }

    /**
     * The filtered direct path of a leaf (§4.1.2): its direct path without the nodes whose child on
     * the leaf's copath has an empty resolution.
     */
    public List<NodeIndex> filteredDirectPath(LeafIndex leaf) {
        NodeIndex start = leaf.toNodeIndex();
        List<NodeIndex> path = size.directPath(start);
        List<NodeIndex> copath = size.copath(start);
        List<NodeIndex> filtered = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            if (!resolution(copath.get(i)).isEmpty()) {
                filtered.add(path.get(i));
            }
        }
        return List.copyOf(filtered);
    }

    private void requireOccupied(LeafIndex leaf) {
        if (leaf(leaf).isEmpty()) {
            throw new IllegalArgumentException(leaf + " is blank");
        }
    }

    private int position(NodeIndex index) {
        if (!size.contains(index)) {
            throw new IllegalArgumentException(index + " is outside a tree of " + size.leafCount() + " leaves");
        }
        return (int) index.value();
    }
}
