package org.vermerk.protocol.treekem;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.schedule.GroupContext;

/** The provisional GroupContext of a commit (RFC 9420 §12.4.1) with the tree hash of the new tree. */
final class ProvisionalContext {
    private ProvisionalContext() {}

    static GroupContext withTreeHash(GroupContext context, Bytes treeHash) {
        return new GroupContext(
                context.version(),
                context.cipherSuite(),
                context.groupId(),
                context.epoch(),
                treeHash,
                context.confirmedTranscriptHash(),
                context.extensions());
    }
}
