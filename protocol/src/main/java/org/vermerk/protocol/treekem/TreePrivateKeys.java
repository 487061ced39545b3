package org.vermerk.protocol.treekem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.ParentNode;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * One member's private view of the ratchet tree (RFC 9420 §7.4): the HPKE key pair of its own
 * leaf and of each node above it whose path secret it learnt, by committing or by decrypting an
 * UpdatePath or a Welcome's path secret. The tree invariant of §4 holds for it: it only has keys
 * of nodes on its own direct path.
 *
 * <p>Mutable and not thread-safe: it belongs to the thread working on its group, like the {@link
 * RatchetTree} it goes with. Processing a commit yields a new view and leaves the old one as it
 * was, so a staged commit can be discarded; {@link #destroy()} wipes a view no longer needed.
 * Never prints its keys.
 */
public final class TreePrivateKeys {
    private final LeafIndex ownLeaf;

    /** Key pairs by node position, the own leaf's included. */
    private final TreeMap<NodeIndex, KeyPair> keys;

    private TreePrivateKeys(LeafIndex ownLeaf, TreeMap<NodeIndex, KeyPair> keys) {
        this.ownLeaf = ownLeaf;
        this.keys = keys;
    }

    /** A view that knows only its own leaf's key pair, as a member has on joining. */
    public static TreePrivateKeys forLeaf(LeafIndex ownLeaf, KeyPair leafKeys) {
        TreeMap<NodeIndex, KeyPair> keys = new TreeMap<>();
        keys.put(ownLeaf.toNodeIndex(), leafKeys);
        return new TreePrivateKeys(ownLeaf, keys);
    }

    /**
     * A view with the given keys, as a stored group state holds them; the own leaf's must be among
     * them. Whether they fit a tree is for {@link #checkFits} to say.
     */
    public static TreePrivateKeys of(LeafIndex ownLeaf, Map<NodeIndex, KeyPair> keys) {
        if (!keys.containsKey(ownLeaf.toNodeIndex())) {
            throw new IllegalArgumentException("the keys of " + ownLeaf + " are missing");
        }
        return new TreePrivateKeys(ownLeaf, new TreeMap<>(keys));
    }

    public LeafIndex ownLeaf() {
        return ownLeaf;
    }

    /** The key pair held for a node, if any. */
    public Optional<KeyPair> keyPair(NodeIndex node) {
        return Optional.ofNullable(keys.get(node));
    }

    /** The positions whose keys are held, in increasing order. */
    public List<NodeIndex> nodes() {
        return List.copyOf(keys.keySet());
    }

    /** Sets a node's key pair to the one derived from its path secret (§7.4). */
    public void setFromPathSecret(LabeledCrypto crypto, NodeIndex node, Secret pathSecret) {
        keys.put(node, PathSecrets.nodeKeyPair(crypto, pathSecret));
    }

    /**
     * Sets the keys from a path secret for {@code start} and each node above it on the own
     * filtered direct path, deriving each next path secret (§12.4.3.1, joining with a Welcome's
     * path secret). {@code start} must be on the own filtered direct path.
     */
    public void implantPathSecret(LabeledCrypto crypto, RatchetTree tree, NodeIndex start, Secret pathSecret) {
        List<NodeIndex> path = tree.filteredDirectPath(ownLeaf);
        int from = path.indexOf(start);
        if (from < 0) {
            throw new IllegalArgumentException(start + " is not on the filtered direct path of " + ownLeaf);
        }
        Secret current = pathSecret;
        for (int i = from; i < path.size(); i++) {
            setFromPathSecret(crypto, path.get(i), current);
            Secret next = PathSecrets.next(crypto, current);
            if (current != pathSecret) {
                current.destroy();
            }
            current = next;
        }
        current.destroy();
    }

    /**
     * Forgets the key of a node, e.g. when it is blanked. The key is not wiped: an older view (the
     * state before a staged commit) may still hold it.
     */
    void forget(NodeIndex node) {
        keys.remove(node);
    }

    void put(NodeIndex node, KeyPair keyPair) {
        keys.put(node, keyPair);
    }

    /**
     * Forgets the keys of nodes that are blank in {@code tree}, lie outside it, or hold another
     * public key: after proposals blanked paths (Update, Remove) or truncated the tree (§7.7,
     * §12.1), so the view keeps only keys the tree still uses. The keys are not wiped (see {@link
     * #forget}).
     */
    public void pruneTo(RatchetTree tree) {
        keys.entrySet()
                .removeIf(entry -> !tree.size().contains(entry.getKey())
                        || !publicKey(tree, entry.getKey())
                                .map(entry.getValue().publicKey()::equals)
                                .orElse(false));
    }

    /**
     * Checks that every key held belongs to a non-blank node of {@code tree} with the same public
     * key (TREEKEM-4), as a member must before it uses a view with a tree it received.
     */
    public void checkFits(RatchetTree tree) throws TreeKemException {
        for (Map.Entry<NodeIndex, KeyPair> entry : keys.entrySet()) {
            NodeIndex node = entry.getKey();
            Optional<Bytes> publicKey = tree.size().contains(node) ? publicKey(tree, node) : Optional.empty();
            if (publicKey.isEmpty() || !publicKey.get().equals(entry.getValue().publicKey())) {
                throw new TreeKemException(
                        TreeKemRule.PRIVATE_KEY_MISMATCH, "the key held for " + node + " is not that node's key");
            }
        }
    }

    /** The encryption key of a node of the tree, if it is not blank. */
    static Optional<Bytes> publicKey(RatchetTree tree, NodeIndex node) {
        return tree.node(node).map(n -> switch (n) {
            case LeafNode leaf -> leaf.encryptionKey();
            case ParentNode parent -> parent.encryptionKey();
        });
    }

    /** An independent view with the same keys (the key objects are shared; they are never changed in place). */
    public TreePrivateKeys copy() {
        return new TreePrivateKeys(ownLeaf, new TreeMap<>(keys));
    }

    /** Wipes every private key of this view. Keys shared with a {@link #copy()} are wiped there too. */
    public void destroy() {
        keys.values().forEach(pair -> pair.privateKey().destroy());
        keys.clear();
    }

    @Override
    public String toString() {
        return "TreePrivateKeys[" + ownLeaf + ", nodes " + keys.keySet() + "]";
    }
}
