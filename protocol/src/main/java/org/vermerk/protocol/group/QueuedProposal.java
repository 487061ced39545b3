package org.vermerk.protocol.group;

import java.util.Objects;
import java.util.Optional;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.messages.Proposal;

/**
 * A proposal as a commit covers it (RFC 9420 §12.4): the proposal, who proposed it (the committer
 * for proposals by value), and its reference when it came as a message of its own.
 */
public record QueuedProposal(Proposal proposal, Sender sender, Optional<ProposalRef> reference) {
    public QueuedProposal {
        Objects.requireNonNull(proposal);
        Objects.requireNonNull(sender);
        Objects.requireNonNull(reference);
    }

    static QueuedProposal byValue(Proposal proposal, Sender committer) {
        return new QueuedProposal(proposal, committer, Optional.empty());
    }
}
