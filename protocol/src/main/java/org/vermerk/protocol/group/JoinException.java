package org.vermerk.protocol.group;

import org.vermerk.protocol.MlsException;

/**
 * Joining a group failed at the group level (RFC 9420 §12.4.3.1, §12.4.3.2): no ratchet tree, our
 * leaf not in it, a GroupInfo without {@code external_pub}; {@link #rule()} names the {@link
 * GroupRule}. Failures of the Welcome itself are {@code WelcomeException}s, of the tree {@code
 * InvalidTreeException}s.
 */
public final class JoinException extends MlsException {
    public JoinException(GroupRule rule, String detail) {
        super(rule, detail);
    }
}
