package org.vermerk.protocol.treekem;

import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.CommitSecret;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.treemath.NodeIndex;

/**
 * What a receiver gets from {@link UpdatePathProcessor#process}: the tree with the path merged,
 * its new private view, the commit secret, the provisional GroupContext with the new tree hash,
 * and the node of the sender's filtered direct path whose path secret it decrypted, with that
 * secret. Secrets never print.
 */
public record ProcessedPath(
        RatchetTree tree,
        TreePrivateKeys privateKeys,
        CommitSecret commitSecret,
        GroupContext groupContext,
        NodeIndex decryptedNode,
        Secret decryptedPathSecret) {}
