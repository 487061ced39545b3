package org.vermerk.protocol.treekem;

import java.util.Map;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.CommitSecret;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.tree.UpdatePath;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * What a committer gets from {@link UpdatePathCreator#create}: the UpdatePath to send, the tree
 * with the path merged, its own new private view, the commit secret for the key schedule, the
 * provisional GroupContext the path secrets were encrypted under (with the new tree hash), and the
 * path secret of each node of its filtered direct path, from which the Welcome's {@code
 * path_secret} for each new member is taken (§12.4.3.1). Secrets never print.
 */
public record CreatedPath(
        UpdatePath updatePath,
        RatchetTree tree,
        TreePrivateKeys privateKeys,
        CommitSecret commitSecret,
        GroupContext groupContext,
        Map<NodeIndex, Secret> pathSecrets) {
    public CreatedPath {
        pathSecrets = Map.copyOf(pathSecrets);
    }
}
