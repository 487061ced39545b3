package org.vermerk.protocol.tree;

import org.vermerk.protocol.MlsException;

/** A ratchet tree, or a change to it, breaks a {@link TreeRule}: the tree must not be used. */
public final class InvalidTreeException extends MlsException {
    public InvalidTreeException(TreeRule rule, String detail) {
        super(rule, detail);
    }
}
