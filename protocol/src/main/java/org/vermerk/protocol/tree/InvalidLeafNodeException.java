package org.vermerk.protocol.tree;

import org.vermerk.protocol.MlsException;

/** A leaf node breaks a {@link LeafNodeRule}: it must not enter the tree. */
public final class InvalidLeafNodeException extends MlsException {
    public InvalidLeafNodeException(LeafNodeRule rule, String detail) {
        super(rule, detail);
    }
}
