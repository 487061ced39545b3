package org.vermerk.protocol.group;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.messages.ExternalInit;
import org.vermerk.protocol.messages.GroupContextExtensions;
import org.vermerk.protocol.messages.Remove;
import org.vermerk.protocol.messages.Update;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.tree.LeafNode;

/** The parts of a commit that creating and processing it share (RFC 9420 §12.4, §12.4.3.2). */
final class CommitRules {
    private CommitRules() {}

    /**
     * Whether a commit over these proposals needs a path (§12.4, the "Path Required" column of
     * §17.4): when it covers none, or an Update, Remove, ExternalInit or GroupContextExtensions.
     */
    static boolean pathRequired(List<QueuedProposal> proposals) {
        return proposals.isEmpty()
                || proposals.stream()
                        .map(QueuedProposal::proposal)
                        .anyMatch(p -> p instanceof Update
                                || p instanceof Remove
                                || p instanceof ExternalInit
                                || p instanceof GroupContextExtensions);
    }

    /**
     * The provisional GroupContext of a commit (§12.4.1, §12.4.2): the next epoch, the new
     * extensions and the old confirmed transcript hash; TreeKEM puts in the new tree hash.
     */
    static GroupContext provisional(GroupContext current, List<Extension> extensions) {
        return new GroupContext(
                current.version(),
                current.cipherSuite(),
                current.groupId(),
                current.epoch() + 1,
                current.treeHash(),
                current.confirmedTranscriptHash(),
                extensions);
    }

    /**
     * What holds an external joiner's position (§12.4.3.2: the leftmost blank leaf, as for an Add)
     * until the leaf of its path replaces it: its path leaf without an encryption key, so that the
     * path's leaf counts as a new key (LEAF-10) and nothing is ever encrypted to the placeholder.
     */
    static LeafNode placeholder(LeafNode joiner) {
        return new LeafNode(
                Bytes.EMPTY,
                joiner.signatureKey(),
                joiner.credential(),
                joiner.capabilities(),
                joiner.source(),
                joiner.extensions(),
                joiner.signature());
    }
}
