package org.vermerk.protocol.group;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.protection.FramingException;
import org.vermerk.protocol.framing.protection.FramingRule;
import org.vermerk.protocol.framing.protection.SignatureKeys;
import org.vermerk.protocol.messages.Add;
import org.vermerk.protocol.tree.LeafNode;
import org.vermerk.protocol.tree.RatchetTree;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * The signature keys of an epoch's senders (RFC 9420 §6.1): a member's from its leaf, an external
 * sender's from the {@code external_senders} extension, a new member's from the leaf of its
 * external commit's path or of the KeyPackage it proposes to add.
 */
final class GroupSignatureKeys implements SignatureKeys {
    private final RatchetTree tree;
    private final List<ExternalSender> externalSenders;

    GroupSignatureKeys(EpochState state) throws DecodeException {
        this.tree = state.tree;
        this.externalSenders = state.externalSenders();
    }

    @Override
    public Bytes ofMember(LeafIndex leaf) throws FramingException {
        if (!tree.size().contains(leaf)) {
            throw unknown(leaf + " is outside the tree");
        }
        return tree.leaf(leaf).map(LeafNode::signatureKey).orElseThrow(() -> unknown(leaf + " is blank"));
    }

    @Override
    public Bytes of(FramedContent content) throws FramingException {
        return switch (content.sender()) {
            case Sender.Member(LeafIndex leaf) -> ofMember(leaf);
            case Sender.External(long index) -> {
                if (index >= externalSenders.size()) {
                    throw unknown("external sender " + index + " is not in external_senders");
                }
                yield externalSenders.get((int) index).signatureKey();
            }
            case Sender.NewMemberCommit() -> {
                if (content.content() instanceof Content.CommitContent(var commit)
                        && commit.path().isPresent()) {
                    yield commit.path().get().leafNode().signatureKey();
                }
                throw unknown("a new_member_commit without a path names no key");
            }
            case Sender.NewMemberProposal() -> {
                if (content.content() instanceof Content.ProposalContent(Add add)) {
                    yield add.keyPackage().leafNode().signatureKey();
                }
                throw unknown("a new_member_proposal that is not an Add names no key");
            }
        };
    }

    private static FramingException unknown(String detail) {
        return new FramingException(FramingRule.UNKNOWN_SENDER, detail);
    }
}
