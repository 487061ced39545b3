package org.vermerk.protocol.group;

import java.util.Objects;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.messages.Proposal;

/** What {@link Group#process} made of an incoming handshake or application message (RFC 9420 §6). */
public sealed interface ProcessedMessage {
    /** The verified sender. */
    Sender sender();

    /**
     * Application data from a member (§6.3), decrypted and its signature checked, with the {@code
     * authenticated_data} that came with it. The plaintext is the application's, not key material.
     */
    record ApplicationMessage(Sender sender, Member member, Bytes plaintext, Bytes authenticatedData)
            implements ProcessedMessage {
        public ApplicationMessage {
            Objects.requireNonNull(member);
            Objects.requireNonNull(plaintext);
            Objects.requireNonNull(authenticatedData);
        }

        @Override
        public String toString() {
            return "ApplicationMessage[" + member.leafIndex() + ", " + plaintext.size() + " bytes]";
        }
    }

    /** A valid proposal (§12.1), kept until the epoch ends so that a commit may list it by reference. */
    record ProposalMessage(Sender sender, Proposal proposal, ProposalRef reference) implements ProcessedMessage {}

    /** A commit processed into the next epoch, to be merged ({@link Group#mergeStagedCommit}) or discarded. */
    record CommitMessage(Sender sender, StagedCommit staged) implements ProcessedMessage {}
}
