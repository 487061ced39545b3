package org.vermerk.protocol.group;

import org.vermerk.protocol.MlsException;

/**
 * A commit lists a proposal by reference that this member has not received in the current epoch
 * (GROUP-1, RFC 9420 §12.4.2). The commit cannot be processed; the member missed a message and
 * must resynchronise (for instance by rejoining with an external commit).
 */
public final class MissingProposalException extends MlsException {
    private final ProposalRef reference;

    public MissingProposalException(ProposalRef reference) {
        super(GroupRule.UNKNOWN_PROPOSAL_REFERENCE, "no proposal received with reference " + reference.value());
        this.reference = reference;
    }

    /** The reference that could not be resolved. */
    public ProposalRef reference() {
        return reference;
    }
}
