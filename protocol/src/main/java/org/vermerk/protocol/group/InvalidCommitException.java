package org.vermerk.protocol.group;

import org.vermerk.protocol.MlsException;

/**
 * A commit is malformed as a whole (RFC 9420 §12.4, §12.4.3.2): a path missing where required, an
 * external commit that breaks its rules, a sender that may not commit; {@link #rule()} names the
 * {@link GroupRule}. The commit must be dropped; the group state is unchanged.
 */
public final class InvalidCommitException extends MlsException {
    public InvalidCommitException(GroupRule rule, String detail) {
        super(rule, detail);
    }
}
