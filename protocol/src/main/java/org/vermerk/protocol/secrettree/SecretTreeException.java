package org.vermerk.protocol.secrettree;

import org.vermerk.protocol.MlsException;

/**
 * No key can be given for a (leaf, ratchet, generation): too far ahead, already used, expired, no
 * such leaf, or the ratchet is exhausted; {@link #rule()} says which. The message it belongs to is
 * dropped; the tree is unchanged.
 */
public final class SecretTreeException extends MlsException {
    public SecretTreeException(SecretTreeRule rule, String detail) {
        super(rule, detail);
    }
}
