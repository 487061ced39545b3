package org.vermerk.protocol.tree;

import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.extension.RequiredCapabilities;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Where a leaf node is being validated (RFC 9420 §7.3): which use, which group, which position,
 * and against which members. Made by one factory per use; the tree is read, never changed, and
 * must not change while a validation runs.
 *
 * @param use where the leaf appears, fixing the {@code leaf_node_source} it must have
 * @param cipherSuite the group's cipher suite, which the capabilities must list
 * @param groupId the group, part of the signed content of update and commit leaves; empty for a
 *     KeyPackage seen outside a group
 * @param leafIndex the leaf's position (update, commit, tree); empty for a KeyPackage
 * @param required what the group requires beyond the defaults
 * @param members the group's tree, for the checks against the other members; empty for a
 *     KeyPackage seen outside a group
 */
public record LeafNodeContext(
        Use use,
        int cipherSuite,
        Optional<Bytes> groupId,
        Optional<LeafIndex> leafIndex,
        RequiredCapabilities required,
        Optional<RatchetTree> members) {
    /** Where a leaf appears. */
    public enum Use {
        /** In a KeyPackage, on its own or in an Add: {@code leaf_node_source} must be {@code key_package}. */
        KEY_PACKAGE,
        /** In an Update proposal: source {@code update}, replacing the sender's leaf. */
        UPDATE,
        /** In the UpdatePath of a Commit: source {@code commit}, replacing the committer's leaf. */
        COMMIT,
        /** In a ratchet tree being validated, e.g. on joining: any source, at its position. */
        TREE
    }

    /** A KeyPackage's leaf outside any group: no group binding and no members to compare with. */
    public static LeafNodeContext forKeyPackage(int cipherSuite) {
        return new LeafNodeContext(
                Use.KEY_PACKAGE,
                cipherSuite,
                Optional.empty(),
                Optional.empty(),
                RequiredCapabilities.NONE,
                Optional.empty());
    }

    /** A KeyPackage's leaf that an Add brings into the group with this context and tree. */
    public static LeafNodeContext forAdd(GroupContext group, RatchetTree tree) throws DecodeException {
        return inGroup(Use.KEY_PACKAGE, group, tree, Optional.empty());
    }

    /** The leaf of an Update proposal from {@code sender}. */
    public static LeafNodeContext forUpdate(GroupContext group, RatchetTree tree, LeafIndex sender)
            throws DecodeException {
        return inGroup(Use.UPDATE, group, tree, Optional.of(sender));
    }

    /** The leaf of the UpdatePath of a commit by {@code sender}; {@code tree} is the tree before the path. */
    public static LeafNodeContext forCommit(GroupContext group, RatchetTree tree, LeafIndex sender)
            throws DecodeException {
        return inGroup(Use.COMMIT, group, tree, Optional.of(sender));
    }

    /** The leaf at {@code position} of a tree being validated. */
    public static LeafNodeContext inTree(GroupContext group, RatchetTree tree, LeafIndex position)
            throws DecodeException {
        return inGroup(Use.TREE, group, tree, Optional.of(position));
    }

    private static LeafNodeContext inGroup(Use use, GroupContext group, RatchetTree tree, Optional<LeafIndex> index)
            throws DecodeException {
        return new LeafNodeContext(
                use,
                group.cipherSuite(),
                Optional.of(group.groupId()),
                index,
                RequiredCapabilities.find(group.extensions()).orElse(RequiredCapabilities.NONE),
                Optional.of(tree));
    }
}
