package org.vermerk.protocol.tree;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.crypto.CipherSuite;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Validates the ratchet tree of a group being joined (RFC 9420 §12.4.3.1), in this order:
 *
 * <ol>
 *   <li>the root's tree hash equals the GroupContext's {@code tree_hash} (TREE-5);
 *   <li>every unmerged-leaves list is strictly increasing (TREE-9) and names non-blank leaves below
 *       the parent (TREE-7), which every non-blank node in between lists too (TREE-8);
 *   <li>every non-blank parent node is parent-hash valid (TREE-6, §7.9.2);
 *   <li>every leaf is valid on its own (§7.3, {@link LeafNodeValidator}), at its position;
 *   <li>across the tree: signature keys and leaf encryption keys are unique (LEAF-8, LEAF-9),
 *       parent encryption keys appear in no other node (TREE-10), and every member supports every
 *       credential type in use (LEAF-3).
 * </ol>
 *
 * The cross-tree checks use hash maps, so validation is linear in the tree apart from the
 * hashes. Stateless and thread-safe; the tree must not change while it runs.
 */
public final class TreeValidator {
    private final TreeHash treeHash;
    private final ParentHash parentHash;
    private final LeafNodeValidator leaves;

    public TreeValidator(CipherSuite suite, Clock clock) {
        this.treeHash = new TreeHash(suite);
        this.parentHash = new ParentHash(suite);
        this.leaves = new LeafNodeValidator(suite, clock);
    }

    /**
     * Validates {@code tree} as the tree of the group {@code context} describes. The context's
     * extensions must decode ({@code required_capabilities}), else a {@link DecodeException}.
     */
    public void validate(RatchetTree tree, GroupContext context)
            throws InvalidTreeException, InvalidLeafNodeException, DecodeException {
        Bytes rootHash = treeHash.root(tree);
        if (!rootHash.equals(context.treeHash())) {
            throw new InvalidTreeException(
                    TreeRule.TREE_HASH_MISMATCH, "the tree hash is not the GroupContext's tree_hash");
        }
        checkUnmergedLeaves(tree);
        parentHash.verifyTree(tree);
        for (LeafIndex leaf : tree.occupiedLeaves()) {
            leaves.checkOnItsOwn(tree.leaf(leaf).orElseThrow(), LeafNodeContext.inTree(context, tree, leaf));
        }
        checkAcrossMembers(tree);
        checkParentKeys(tree);
    }

    private static void checkUnmergedLeaves(RatchetTree tree) throws InvalidTreeException {
        for (long position = 1; position < tree.size().nodeWidth(); position += 2) {
            NodeIndex node = NodeIndex.of(position);
            Optional<ParentNode> parent = tree.parent(node);
            if (parent.isEmpty()) {
                continue;
            }
            List<LeafIndex> unmerged = parent.get().unmergedLeaves();
            for (int i = 1; i < unmerged.size(); i++) {
                if (unmerged.get(i - 1).compareTo(unmerged.get(i)) >= 0) {
                    throw new InvalidTreeException(
                            TreeRule.UNMERGED_LEAVES_UNSORTED, "unmerged leaves of " + node + " are not increasing");
                }
            }
            for (LeafIndex leaf : unmerged) {
                if (!tree.size().contains(leaf)
                        || !ParentHash.isInSubtree(leaf.toNodeIndex(), node)
                        || tree.leaf(leaf).isEmpty()) {
                    throw new InvalidTreeException(
                            TreeRule.UNMERGED_LEAF_NOT_BELOW, leaf + " is not a member below " + node);
                }
                for (NodeIndex between : tree.size().directPath(leaf.toNodeIndex())) {
                    if (between.equals(node)) {
                        break;
                    }
                    Optional<ParentNode> intermediate = tree.parent(between);
                    if (intermediate.isPresent()
                            && !intermediate.get().unmergedLeaves().contains(leaf)) {
                        throw new InvalidTreeException(
                                TreeRule.UNMERGED_LEAF_NOT_ON_PATH,
                                leaf + " is unmerged at " + node + " but not at " + between);
                    }
                }
            }
        }
    }

    private static void checkAcrossMembers(RatchetTree tree) throws InvalidLeafNodeException {
        Map<Bytes, LeafIndex> signatureKeys = new HashMap<>();
        Map<Bytes, LeafIndex> encryptionKeys = new HashMap<>();
        Set<Integer> credentialTypes = new HashSet<>();
        for (LeafIndex index : tree.occupiedLeaves()) {
            LeafNode leaf = tree.leaf(index).orElseThrow();
            LeafIndex earlier = signatureKeys.putIfAbsent(leaf.signatureKey(), index);
            LeafNodeValidator.require(
                    earlier == null,
                    LeafNodeRule.DUPLICATE_SIGNATURE_KEY,
                    index + " has the signature key of " + earlier);
            earlier = encryptionKeys.putIfAbsent(leaf.encryptionKey(), index);
            LeafNodeValidator.require(
                    earlier == null,
                    LeafNodeRule.DUPLICATE_ENCRYPTION_KEY,
                    index + " has the encryption key of " + earlier);
            credentialTypes.add(leaf.credential().credentialType());
        }
        for (LeafIndex index : tree.occupiedLeaves()) {
            LeafNodeValidator.require(
                    tree.leaf(index).orElseThrow().capabilities().credentials().containsAll(credentialTypes),
                    LeafNodeRule.CREDENTIAL_TYPE_NOT_SUPPORTED,
                    index + " does not support every credential type in use " + credentialTypes);
        }
    }

    private static void checkParentKeys(RatchetTree tree) throws InvalidTreeException {
        Set<Bytes> keys = new HashSet<>();
        for (LeafIndex index : tree.occupiedLeaves()) {
            keys.add(tree.leaf(index).orElseThrow().encryptionKey());
        }
        for (long position = 1; position < tree.size().nodeWidth(); position += 2) {
            NodeIndex node = NodeIndex.of(position);
            Optional<ParentNode> parent = tree.parent(node);
            if (parent.isPresent() && !keys.add(parent.get().encryptionKey())) {
                throw new InvalidTreeException(
                        TreeRule.DUPLICATE_PARENT_KEY, "the encryption key of " + node + " appears elsewhere");
            }
        }
    }
}
