package org.vermerk.protocol.group;

import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.Content;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.FramedContentAuthData;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.PublicMessage;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.framing.protection.ContentAuthentication;
import org.vermerk.protocol.framing.protection.PublicMessageProtection;
import org.vermerk.protocol.messages.Commit;
import org.vermerk.protocol.messages.Proposal;

/**
 * Builds messages that a correct client would never send, properly framed (signed, and with a
 * membership tag for a member) so that they pass message protection and reach the group rules
 * under test. A forged commit's confirmation tag is zeros: the rules under test are checked before
 * the tag.
 */
final class Forgery {
    private Forgery() {}

    /** A commit by the member {@code by}, framed as a PublicMessage of its current epoch. */
    static MlsMessage memberCommit(TestClient by, Commit commit) throws Exception {
        EpochState state = by.group.state();
        FramedContent content = new FramedContent(
                state.context.groupId(),
                state.epoch(),
                new Sender.Member(state.ownLeaf()),
                Bytes.EMPTY,
                new Content.CommitContent(commit));
        return publicMessage(by, state, content, Optional.of(Bytes.of(new byte[state.suite.hashLength()])));
    }

    /** A proposal by the member {@code by}, as a PublicMessage of its current epoch. */
    static MlsMessage memberProposal(TestClient by, Proposal proposal) throws Exception {
        EpochState state = by.group.state();
        FramedContent content = new FramedContent(
                state.context.groupId(),
                state.epoch(),
                new Sender.Member(state.ownLeaf()),
                Bytes.EMPTY,
                new Content.ProposalContent(proposal));
        return publicMessage(by, state, content, Optional.empty());
    }

    /** An external commit of {@code content}'s group and epoch, re-signed by {@code joiner}. */
    static MlsMessage externalCommit(TestClient joiner, EpochState groupState, Commit commit) throws Exception {
        FramedContent content = new FramedContent(
                groupState.context.groupId(),
                groupState.epoch(),
                new Sender.NewMemberCommit(),
                Bytes.EMPTY,
                new Content.CommitContent(commit));
        Bytes signature = ContentAuthentication.signature(
                groupState.suite,
                joiner.identity.signatureKeys().privateKey(),
                WireFormat.PUBLIC_MESSAGE,
                content,
                groupState.context);
        return new MlsMessage.OfPublicMessage(new PublicMessage(
                content,
                new FramedContentAuthData(signature, Optional.of(Bytes.of(new byte[groupState.suite.hashLength()]))),
                Optional.empty()));
    }

    /**
     * A proposal or commit from a sender outside the group ({@code external} or {@code
     * new_member_proposal}), signed by {@code signer} with no group context and no membership tag
     * (§6.1, §6.2).
     */
    static MlsMessage fromOutside(TestClient signer, EpochState groupState, Sender sender, Content body)
            throws Exception {
        FramedContent content =
                new FramedContent(groupState.context.groupId(), groupState.epoch(), sender, Bytes.EMPTY, body);
        Bytes signature = ContentAuthentication.signature(
                groupState.suite,
                signer.identity.signatureKeys().privateKey(),
                WireFormat.PUBLIC_MESSAGE,
                content,
                groupState.context);
        Optional<Bytes> tag = body instanceof Content.CommitContent
                ? Optional.of(Bytes.of(new byte[groupState.suite.hashLength()]))
                : Optional.empty();
        return new MlsMessage.OfPublicMessage(
                new PublicMessage(content, new FramedContentAuthData(signature, tag), Optional.empty()));
    }

    private static MlsMessage publicMessage(
            TestClient by, EpochState state, FramedContent content, Optional<Bytes> confirmationTag) throws Exception {
        Bytes signature = ContentAuthentication.signature(
                state.suite,
                by.identity.signatureKeys().privateKey(),
                WireFormat.PUBLIC_MESSAGE,
                content,
                state.context);
        AuthenticatedContent authenticated = new AuthenticatedContent(
                WireFormat.PUBLIC_MESSAGE, content, new FramedContentAuthData(signature, confirmationTag));
        return new MlsMessage.OfPublicMessage(
                new PublicMessageProtection(state.suite, state.context, state.secrets.membershipKey())
                        .protect(authenticated));
    }
}
