package org.vermerk.protocol.treekem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.HpkeCiphertext;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.CommitSecret;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.tree.InvalidTreeException;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.LeafNodeSigner;
import org.vermerk.protocol.tree.LeafNodeSource;
import org.vermerk.protocol.tree.PathMerge;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.TreeHash;
import org.vermerk.protocol.tree.UpdatePath;
import org.vermerk.protocol.tree.UpdatePathNode;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Creates the UpdatePath of a commit (RFC 9420 §7.4 to §7.6, §12.4.1):
 *
 * <ol>
 *   <li>a fresh {@code leaf_secret} of Nh random bytes; the leaf's key pair from its "node"
 *       derivation, and {@code path_secret[0]} for the first node of the filtered direct path from
 *       its "path" derivation, each next path secret from the previous one, and the commit secret
 *       from the last (§7.4, the derivation figure);
 *   <li>the new public keys merged into a copy of the tree, with parent hashes (§7.5, §7.9);
 *   <li>the new leaf: source {@code commit} with the leaf parent hash, the new encryption key, the
 *       other fields from a template, signed for the group and the committer's position;
 *   <li>the provisional GroupContext with the new tree's hash, under which each path secret is
 *       encrypted to every node in the resolution of the copath child, leaving out the leaves the
 *       same commit adds (§7.6).
 * </ol>
 *
 * The tree given is not changed. Randomness comes from the cipher suite's source. Stateless and
 * thread-safe.
 */
public final class UpdatePathCreator {
    private final LabeledCrypto crypto;
    private final PathMerge merge;
    private final TreeHash treeHash;
    private final LeafNodeSigner signer;

    public UpdatePathCreator(CipherSuite suite) {
        this.crypto = new LabeledCrypto(suite);
        this.merge = new PathMerge(suite);
        this.treeHash = new TreeHash(suite);
        this.signer = new LeafNodeSigner(crypto);
    }

    /**
     * @param tree the tree with the commit's proposals applied, before the path
     * @param committer the committer's leaf
     * @param leafTemplate the committer's leaf as it should be apart from encryption key, source
     *     and signature (usually its current leaf)
     * @param signaturePrivateKey the private key of {@code leafTemplate.signatureKey()}
     * @param provisional the provisional GroupContext of the new epoch; its tree hash is replaced
     * @param addedLeaves the leaves the same commit adds, to which nothing is encrypted
     */
    public CreatedPath create(
            RatchetTree tree,
            LeafIndex committer,
            LeafNode leafTemplate,
            Secret signaturePrivateKey,
            GroupContext provisional,
            Set<LeafIndex> addedLeaves)
            throws CryptoException, InvalidTreeException {
        List<NodeIndex> path = tree.filteredDirectPath(committer);
        Secret leafSecret =
                Secret.wrap(crypto.suite().randomBytes(crypto.suite().hashLength()));
        KeyPair leafKeys = PathSecrets.nodeKeyPair(crypto, leafSecret);

        Map<NodeIndex, Secret> pathSecrets = new HashMap<>();
        List<KeyPair> nodeKeys = new ArrayList<>();
        Secret current = PathSecrets.next(crypto, leafSecret);
        leafSecret.destroy();
        for (NodeIndex node : path) {
            pathSecrets.put(node, current);
            nodeKeys.add(PathSecrets.nodeKeyPair(crypto, current));
            current = PathSecrets.next(crypto, current);
        }
        CommitSecret commitSecret = new CommitSecret(current);

        RatchetTree merged = tree.copy();
        PathMerge.MergedKeys keys = merge.mergeKeys(
                merged, committer, nodeKeys.stream().map(KeyPair::publicKey).toList());
        LeafNode leaf = signer.sign(
                new LeafNode(
                        leafKeys.publicKey(),
                        leafTemplate.signatureKey(),
                        leafTemplate.credential(),
                        leafTemplate.capabilities(),
                        new LeafNodeSource.FromCommit(keys.leafParentHash()),
                        leafTemplate.extensions(),
                        Bytes.EMPTY),
                signaturePrivateKey,
                provisional.groupId(),
                committer);
        keys.placeLeaf(leaf);

        GroupContext context = ProvisionalContext.withTreeHash(provisional, treeHash.root(merged));
        List<List<HpkeCiphertext>> encrypted =
                encryptToCopath(tree, path, committer, addedLeaves, context.encoded(), pathSecrets);
        List<UpdatePathNode> nodes = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            nodes.add(new UpdatePathNode(nodeKeys.get(i).publicKey(), encrypted.get(i)));
        }

        TreePrivateKeys privateKeys = TreePrivateKeys.forLeaf(committer, leafKeys);
        for (int i = 0; i < path.size(); i++) {
            privateKeys.put(path.get(i), nodeKeys.get(i));
        }
        return new CreatedPath(new UpdatePath(leaf, nodes), merged, privateKeys, commitSecret, context, pathSecrets);
    }

    /**
     * The encrypted path secrets of each node of {@code path}, in path order, each list in
     * resolution order (§7.6). All of them share the label and the context, so they go to the
     * suite as one batch ({@link LabeledCrypto#encryptWithLabelToEach}), which encodes the
     * EncryptContext once and spreads the independent HPKE seals over the available cores; in a
     * fresh group of 1000 members these ~1000 seals are almost all of a self-update's time.
     */
    private List<List<HpkeCiphertext>> encryptToCopath(
            RatchetTree tree,
            List<NodeIndex> path,
            LeafIndex committer,
            Set<LeafIndex> addedLeaves,
            byte[] context,
            Map<NodeIndex, Secret> pathSecrets)
            throws CryptoException {
        List<Bytes> publicKeys = new ArrayList<>();
        List<byte[]> plaintexts = new ArrayList<>();
        int[] counts = new int[path.size()];
        List<byte[]> exposed = new ArrayList<>();
        try {
            for (int i = 0; i < path.size(); i++) {
                NodeIndex node = path.get(i);
                byte[] plaintext = pathSecrets.get(node).expose();
                exposed.add(plaintext);
                for (NodeIndex recipient : PathEncryption.recipients(tree, node, committer, addedLeaves)) {
                    publicKeys.add(TreePrivateKeys.publicKey(tree, recipient).orElseThrow());
                    plaintexts.add(plaintext);
                    counts[i]++;
                }
            }
            List<HpkeCiphertext> all =
                    crypto.encryptWithLabelToEach(publicKeys, PathEncryption.LABEL, context, plaintexts);
            List<List<HpkeCiphertext>> out = new ArrayList<>(path.size());
            int offset = 0;
            for (int count : counts) {
                out.add(List.copyOf(all.subList(offset, offset + count)));
                offset += count;
            }
            return out;
        } finally {
            exposed.forEach(plaintext -> Arrays.fill(plaintext, (byte) 0));
        }
    }
}
