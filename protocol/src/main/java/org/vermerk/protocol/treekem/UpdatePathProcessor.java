package org.vermerk.protocol.treekem;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.crypto.CryptoException;
import org.vermerk.protocol.crypto.KeyPair;
import org.vermerk.protocol.crypto.LabeledCrypto;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.CommitSecret;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.tree.InvalidLeafNodeException;
import org.vermerk.protocol.tree.InvalidTreeException;
import org.vermerk.protocol.tree.LeafNodeContext;
import org.vermerk.protocol.tree.LeafNodeValidator;
import org.vermerk.protocol.tree.PathMerge;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.TreeHash;
import org.vermerk.protocol.tree.TreeRule;
import org.vermerk.protocol.tree.UpdatePath;
import org.vermerk.protocol.tree.UpdatePathNode;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Processes the UpdatePath of a commit someone else sent (RFC 9420 §7.5, §12.4.2):
 *
 * <ol>
 *   <li>validates the new leaf for the commit use (§7.3, {@link LeafNodeValidator});
 *   <li>checks that there is one path node per filtered direct path node (TREE-12) and one
 *       ciphertext per recipient (TREEKEM-1);
 *   <li>merges the public keys and the leaf into a copy of the tree, checking the leaf's parent
 *       hash (TREE-11), and makes the provisional GroupContext with the new tree hash;
 *   <li>finds the lowest node of the sender's filtered direct path above the own leaf, a node in
 *       its copath child's resolution whose private key the own view holds (TREEKEM-3), and
 *       decrypts that node's path secret (CRYPTO-2 if it fails);
 *   <li>derives the path secrets and key pairs from there to the root, each public key equal to the
 *       one sent (TREEKEM-2), and the commit secret after the last.
 * </ol>
 *
 * The tree and the private view given are not changed; the result holds new ones, in which the
 * keys of nodes blank in the given tree and of the sender's old direct path are forgotten. Stateless and thread-safe.
 */
public final class UpdatePathProcessor {
    private final LabeledCrypto crypto;
    private final LeafNodeValidator validator;
    private final PathMerge merge;
    private final TreeHash treeHash;

    public UpdatePathProcessor(CipherSuite suite, Clock clock) {
        this.crypto = new LabeledCrypto(suite);
        this.validator = new LeafNodeValidator(suite, clock);
        this.merge = new PathMerge(suite);
        this.treeHash = new TreeHash(suite);
    }

    /**
     * @param tree the tree with the commit's proposals applied, before the path
     * @param ownKeys the receiver's private view of that tree
     * @param sender the committer's leaf
     * @param path the UpdatePath received
     * @param provisional the provisional GroupContext of the new epoch; its tree hash is replaced
     * @param addedLeaves the leaves the same commit adds
     */
    public ProcessedPath process(
            RatchetTree tree,
            TreePrivateKeys ownKeys,
            LeafIndex sender,
            UpdatePath path,
            GroupContext provisional,
            Set<LeafIndex> addedLeaves)
            throws InvalidLeafNodeException, InvalidTreeException, TreeKemException, CryptoException, DecodeException {
        LeafIndex own = ownKeys.ownLeaf();
        if (own.equals(sender)) {
            throw new IllegalArgumentException("a committer does not process its own path");
        }
        validator.validate(path.leafNode(), LeafNodeContext.forCommit(provisional, tree, sender));
        List<NodeIndex> filtered = tree.filteredDirectPath(sender);
        if (path.nodes().size() != filtered.size()) {
            throw new InvalidTreeException(
                    TreeRule.PATH_LENGTH,
                    path.nodes().size() + " path nodes for a filtered direct path of " + filtered.size());
        }
        int common = -1;
        for (int i = 0; i < filtered.size(); i++) {
            List<NodeIndex> recipients = PathEncryption.recipients(tree, filtered.get(i), sender, addedLeaves);
            int sent = path.nodes().get(i).encryptedPathSecret().size();
            if (sent != recipients.size()) {
                throw new TreeKemException(
                        TreeKemRule.CIPHERTEXT_COUNT,
                        filtered.get(i) + " has " + sent + " ciphertexts for " + recipients.size() + " recipients");
            }
            if (common < 0 && PathEncryption.isBelow(own.toNodeIndex(), filtered.get(i))) {
                common = i;
            }
        }
        if (common < 0) {
            throw new TreeKemException(
                    TreeKemRule.NO_DECRYPTION_KEY, own + " is below no node of the path of " + sender);
        }

        RatchetTree merged = tree.copy();
        merge.merge(merged, sender, path);
        GroupContext context = ProvisionalContext.withTreeHash(provisional, treeHash.root(merged));

        NodeIndex commonNode = filtered.get(common);
        Secret pathSecret = decrypt(
                tree, ownKeys, sender, addedLeaves, commonNode, path.nodes().get(common), context);

        TreePrivateKeys keys = ownKeys.copy();
        keys.pruneTo(tree);
        tree.size().directPath(sender.toNodeIndex()).forEach(keys::forget);
        Secret current = pathSecret;
        for (int i = common; i < filtered.size(); i++) {
            KeyPair derived = PathSecrets.nodeKeyPair(crypto, current);
            if (!derived.publicKey().equals(path.nodes().get(i).encryptionKey())) {
                throw new TreeKemException(
                        TreeKemRule.DERIVED_KEY_MISMATCH,
                        "the key derived for " + filtered.get(i) + " is not the one sent");
            }
            keys.put(filtered.get(i), derived);
            Secret next = PathSecrets.next(crypto, current);
            if (current != pathSecret) {
                current.destroy();
            }
            current = next;
        }
        return new ProcessedPath(merged, keys, new CommitSecret(current), context, commonNode, pathSecret);
    }

    private Secret decrypt(
            RatchetTree tree,
            TreePrivateKeys ownKeys,
            LeafIndex sender,
            Set<LeafIndex> addedLeaves,
            NodeIndex commonNode,
            UpdatePathNode pathNode,
            GroupContext context)
            throws TreeKemException, CryptoException {
        List<NodeIndex> recipients = PathEncryption.recipients(tree, commonNode, sender, addedLeaves);
        for (int r = 0; r < recipients.size(); r++) {
            NodeIndex recipient = recipients.get(r);
            Optional<KeyPair> held = ownKeys.keyPair(recipient);
            Optional<Bytes> inTree = TreePrivateKeys.publicKey(tree, recipient);
            if (held.isPresent() && inTree.isPresent() && held.get().publicKey().equals(inTree.get())) {
                byte[] plaintext = crypto.decryptWithLabel(
                        held.get().privateKey(),
                        PathEncryption.LABEL,
                        context.encoded(),
                        pathNode.encryptedPathSecret().get(r));
                return Secret.wrap(plaintext);
            }
        }
        throw new TreeKemException(
                TreeKemRule.NO_DECRYPTION_KEY,
                "no key held for the resolution below " + commonNode + " of " + recipients.size() + " nodes");
    }
}
