package org.vermerk.protocol.treekem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.treemath.LeafIndex;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * Which nodes a path secret is encrypted to (RFC 9420 §7.5, §7.6): for a node of the sender's
 * filtered direct path, the resolution of its child on the sender's copath, without the leaves
 * added by the same commit, in resolution order. {@code EncryptWithLabel} and {@code
 * DecryptWithLabel} use the label below and the provisional GroupContext as context.
 */
final class PathEncryption {
    /** The label of {@code EncryptWithLabel(node_public_key, "UpdatePathNode", group_context, path_secret)}. */
    static final String LABEL = "UpdatePathNode";

    private PathEncryption() {}

    /** The child of {@code node} whose subtree does not hold {@code sender}. */
    static NodeIndex copathChild(NodeIndex node, LeafIndex sender) {
        NodeIndex left = node.left();
        return isBelow(sender.toNodeIndex(), left) ? node.right() : left;
    }

    /** The recipients of the path secret of {@code node}: the copath child's resolution minus {@code excluded}. */
    static List<NodeIndex> recipients(RatchetTree tree, NodeIndex node, LeafIndex sender, Set<LeafIndex> excluded) {
        List<NodeIndex> out = new ArrayList<>();
        for (NodeIndex member : tree.resolution(copathChild(node, sender))) {
            if (!(member.isLeaf() && excluded.contains(member.toLeafIndex()))) {
                out.add(member);
            }
        }
        return out;
    }

    /** Whether {@code node} is {@code root} or below it. */
    static boolean isBelow(NodeIndex node, NodeIndex root) {
        return root.commonAncestor(node).equals(root);
    }
}
