package org.vermerk.protocol.group;

import org.vermerk.protocol.MlsException;

/**
 * A proposal, or the list of proposals a commit covers, breaks a rule of RFC 9420 §12.1 or §12.2;
 * {@link #rule()} names the {@link GroupRule}. The message carrying it must be dropped; the group
 * state is unchanged.
 */
public final class InvalidProposalException extends MlsException {
    public InvalidProposalException(GroupRule rule, String detail) {
        super(rule, detail);
    }
}
