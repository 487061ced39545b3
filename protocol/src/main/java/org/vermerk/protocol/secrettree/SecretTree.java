package org.vermerk.protocol.secrettree;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.EncryptionSecret;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * The secret tree of one epoch (RFC 9420 §9): {@code encryption_secret} at the root, each parent's
 * secret split into its children's,
 *
 * <pre>
 * tree_node_[N]_secret
 *         +--&gt; ExpandWithLabel(., "tree", "left", KDF.Nh)   = tree_node_[left(N)]_secret
 *         +--&gt; ExpandWithLabel(., "tree", "right", KDF.Nh)  = tree_node_[right(N)]_secret
 * </pre>
 *
 * and each leaf's secret starting its two sender ratchets,
 *
 * <pre>
 * tree_node_[N]_secret
 *         +--&gt; ExpandWithLabel(., "handshake", "", KDF.Nh)   = handshake_ratchet_secret_[N]_[0]
 *         +--&gt; ExpandWithLabel(., "application", "", KDF.Nh) = application_ratchet_secret_[N]_[0]
 * </pre>
 *
 * Secrets are derived lazily, when a leaf is first used, and deleted as soon as they are consumed
 * (§9.2): a parent once both children exist, a leaf secret once its ratchets exist, a ratchet
 * secret once its successor exists, a key once it is handed out.
 *
 * <p>Threading: not thread-safe. A tree belongs to one group state, whose operations are
 * serialised per conversation; all mutable fields are touched only by that worker.
 */
public final class SecretTree {
    private final LabeledCrypto crypto;
    private final RatchetPolicy policy;
    private final int leafCount;
    /** Node secrets not yet consumed, by node index; null where consumed or not yet derived. */
    private final Secret[] nodes;
    /** The ratchets of leaves already used, by leaf index; null for leaves not yet used. */
    private final Map<RatchetType, HashRatchet>[] ratchets;

    /**
     * A tree over {@code leafCount} leaves (a power of two: the width of the ratchet tree) rooted in
     * a copy of {@code encryptionSecret}; the caller deletes its own copy.
     */
    @SuppressWarnings("unchecked")
    public SecretTree(CipherSuite suite, EncryptionSecret encryptionSecret, int leafCount, RatchetPolicy policy) {
        if (leafCount < 1 || Integer.bitCount(leafCount) != 1 || leafCount > (1 << 30)) {
            throw new IllegalArgumentException("leaf count " + leafCount + " is not a power of two");
        }
        this.crypto = new LabeledCrypto(suite);
        this.policy = policy;
        this.leafCount = leafCount;
        this.nodes = new Secret[2 * leafCount - 1];
        this.nodes[TreeShape.root(leafCount)] =
                Secret.wrap(encryptionSecret.secret().expose());
        this.ratchets = new Map[leafCount];
    }

    @SuppressWarnings("unchecked")
    private SecretTree(LabeledCrypto crypto, RatchetPolicy policy, int leafCount) {
        this.crypto = crypto;
        this.policy = policy;
        this.leafCount = leafCount;
        this.nodes = new Secret[2 * leafCount - 1];
        this.ratchets = new Map[leafCount];
    }

    public SecretTree(CipherSuite suite, EncryptionSecret encryptionSecret, int leafCount) {
        this(suite, encryptionSecret, leafCount, RatchetPolicy.DEFAULT);
    }

    public int leafCount() {
        return leafCount;
    }

    /**
     * The key and nonce of the next generation of a leaf's ratchet, to encrypt with (§6.3.1). The
     * generation goes into the SenderData. SECRET-TREE-4 for a leaf outside the tree,
     * SECRET-TREE-5 when the ratchet is used up.
     */
    public KeyAndNonce nextForSending(LeafIndex leaf, RatchetType type) throws SecretTreeException {
        return ratchet(checkLeaf(leaf), type).next();
    }

    /**
     * The key and nonce of {@code generation} of a leaf's ratchet, to decrypt with (§6.3.2, §14).
     * SECRET-TREE-1 when the generation lies too far ahead, SECRET-TREE-2 when its key was used,
     * SECRET-TREE-3 when it fell out of the window, SECRET-TREE-4 for a leaf outside the tree.
     */
    public KeyAndNonce forReceiving(LeafIndex leafIndex, RatchetType type, long generation) throws SecretTreeException {
        int leaf = checkLeaf(leafIndex);
        if (ratchets[leaf] == null) {
            HashRatchet.checkForwardDistance(generation, 0, policy); // before deriving the leaf's secrets
        }
        return ratchet(leaf, type).get(generation);
    }

    public RatchetPolicy policy() {
        return policy;
    }

    /**
     * Writes what the tree still holds, for a stored group state (the keystore's blob):
     *
     * <pre>
     * struct {
     *     uint32 leaf_count;
     *     uint32 out_of_order_window;          // the RatchetPolicy the retained keys were kept under
     *     uint32 max_forward_distance;
     *     NodeSecret node_secrets&lt;V&gt;;         // ascending node index
     *     LeafRatchets leaves&lt;V&gt;;             // ascending leaf index, leaves already used
     * } SecretTreeState;
     *
     * struct { uint32 node; opaque secret&lt;V&gt;; } NodeSecret;
     * struct { uint32 leaf; RatchetState handshake; RatchetState application; } LeafRatchets;
     * </pre>
     *
     * Only secrets not yet consumed are written: neither {@code encryption_secret} nor a consumed
     * node secret or key can be derived again from what is stored (§9.2, forward secrecy on disk).
     * {@code RatchetState} is described at {@code HashRatchet.writeState}.
     */
    public void writeState(TlsWriter writer) {
        writer.u32(leafCount).u32(policy.outOfOrderWindow()).u32(policy.maxForwardDistance());
        writer.vector(inner -> {
            for (int node = 0; node < nodes.length; node++) {
                if (nodes[node] != null) {
                    inner.u32(node);
                    HashRatchet.writeSecret(inner, nodes[node]);
                }
            }
        });
        writer.vector(inner -> {
            for (int leaf = 0; leaf < leafCount; leaf++) {
                if (ratchets[leaf] != null) {
                    inner.u32(leaf);
                    ratchets[leaf].get(RatchetType.HANDSHAKE).writeState(inner);
                    ratchets[leaf].get(RatchetType.APPLICATION).writeState(inner);
                }
            }
        });
    }

    /**
     * Reads a {@code SecretTreeState} written by {@link #writeState} for a ratchet tree of {@code
     * leafCount} leaves (known before, so that a hostile count allocates nothing). CODEC-6 for a
     * state no tree can be in: another leaf count, indices outside the tree, secrets of the wrong
     * length, a leaf with neither ratchets nor a secret above it.
     */
    public static SecretTree readState(TlsReader reader, CipherSuite suite, int expectedLeafCount)
            throws DecodeException {
        long leafCount = reader.u32();
        if (leafCount != expectedLeafCount) {
            throw new DecodeException(
                    CodecRule.INVALID_VALUE,
                    "a secret tree of " + leafCount + " leaves for a ratchet tree of " + expectedLeafCount);
        }
        if (leafCount < 1 || Long.bitCount(leafCount) != 1 || leafCount > (1 << 30)) {
            throw new DecodeException(CodecRule.INVALID_VALUE, "leaf count " + leafCount + " is not a power of two");
        }
        int window = reader.u32AsInt();
        int distance = reader.u32AsInt();
        SecretTree tree =
                new SecretTree(new LabeledCrypto(suite), new RatchetPolicy(window, distance), (int) leafCount);
        try {
            return tree.readSecrets(reader, suite);
        } catch (DecodeException e) {
            tree.destroy(); // nothing read survives a failed load
            throw e;
        }
    }

    private SecretTree readSecrets(TlsReader reader, CipherSuite suite) throws DecodeException {
        TlsReader nodeSecrets = reader.vector();
        long previous = -1;
        while (nodeSecrets.hasRemaining()) {
            long node = nodeSecrets.u32();
            if (node <= previous || node >= nodes.length) {
                throw new DecodeException(CodecRule.INVALID_VALUE, "node secrets must ascend within the tree");
            }
            previous = node;
            nodes[(int) node] = HashRatchet.readSecret(nodeSecrets, suite.hashLength(), "node secret");
        }
        TlsReader leaves = reader.vector();
        previous = -1;
        while (leaves.hasRemaining()) {
            long leaf = leaves.u32();
            if (leaf <= previous || leaf >= leafCount) {
                throw new DecodeException(CodecRule.INVALID_VALUE, "leaf ratchets must ascend within the tree");
            }
            previous = leaf;
            if (nodes[(int) (2 * leaf)] != null) {
                throw new DecodeException(CodecRule.INVALID_VALUE, "leaf " + leaf + " has both a secret and ratchets");
            }
            Map<RatchetType, HashRatchet> pair = new EnumMap<>(RatchetType.class);
            ratchets[(int) leaf] = pair; // before reading, so that destroy() reaches a half-read pair
            pair.put(RatchetType.HANDSHAKE, HashRatchet.readState(leaves, crypto, policy));
            pair.put(RatchetType.APPLICATION, HashRatchet.readState(leaves, crypto, policy));
        }
        for (int leaf = 0; leaf < leafCount; leaf++) {
            if (ratchets[leaf] == null && !secretAbove(leaf)) {
                throw new DecodeException(
                        CodecRule.INVALID_VALUE, "leaf " + leaf + " has neither ratchets nor a secret");
            }
        }
        return this;
    }

    /** Whether the leaf or a node above it still holds a secret, from which the leaf's can be derived. */
    private boolean secretAbove(int leaf) {
        int target = 2 * leaf;
        int node = TreeShape.root(leafCount);
        while (nodes[node] == null) {
            if (node == target) {
                return false;
            }
            node = target < node ? TreeShape.left(node) : TreeShape.right(node);
        }
        return true;
    }

    /** Wipes every secret the tree still holds (at the end of the epoch). */
    public void destroy() {
        for (Secret node : nodes) {
            if (node != null) {
                node.destroy();
            }
        }
        for (Map<RatchetType, HashRatchet> pair : ratchets) {
            if (pair != null) {
                pair.values().forEach(HashRatchet::destroy);
            }
        }
    }

    /** The leaf's position in the arrays; SECRET-TREE-4 unless it is a leaf of the tree. */
    private int checkLeaf(LeafIndex leaf) throws SecretTreeException {
        if (leaf.value() >= leafCount) {
            throw new SecretTreeException(
                    SecretTreeRule.LEAF_OUT_OF_RANGE, leaf + " in a tree of " + leafCount + " leaves");
        }
        return (int) leaf.value();
    }

    private HashRatchet ratchet(int leaf, RatchetType type) {
        if (ratchets[leaf] == null) {
            ratchets[leaf] = startRatchets(leafSecret(leaf));
        }
        return ratchets[leaf].get(type);
    }

    /** Derives down from the lowest ancestor that still holds a secret; consumes every secret on the way. */
    private Secret leafSecret(int leaf) {
        int target = 2 * leaf;
        int node = TreeShape.root(leafCount);
        while (node != target) {
            int level = TreeShape.level(node);
            int left = TreeShape.left(node);
            int right = TreeShape.right(node);
            if (nodes[node] != null) {
                int nh = crypto.suite().hashLength();
                nodes[left] =
                        crypto.expandWithLabel(nodes[node], "tree", "left".getBytes(StandardCharsets.US_ASCII), nh);
                nodes[right] =
                        crypto.expandWithLabel(nodes[node], "tree", "right".getBytes(StandardCharsets.US_ASCII), nh);
                nodes[node].destroy();
                nodes[node] = null;
            }
            node = target < node ? left : right;
            assert TreeShape.level(node) == level - 1;
        }
        Secret secret = nodes[target];
        nodes[target] = null;
        if (secret == null) {
            throw new IllegalStateException("secret of leaf " + leaf + " was consumed without its ratchets");
        }
        return secret;
    }

    private Map<RatchetType, HashRatchet> startRatchets(Secret leafSecret) {
        Map<RatchetType, HashRatchet> pair = new EnumMap<>(RatchetType.class);
        int nh = crypto.suite().hashLength();
        for (RatchetType type : RatchetType.values()) {
            Secret first = crypto.expandWithLabel(leafSecret, type.label(), new byte[0], nh);
            pair.put(type, new HashRatchet(crypto, first, policy));
        }
        leafSecret.destroy();
        return pair;
    }
}
