package org.vermerk.protocol.treekem;

import org.vermerk.protocol.MlsException;

/** An UpdatePath cannot be processed, or a private view does not fit the tree ({@link TreeKemRule}). */
public final class TreeKemException extends MlsException {
    public TreeKemException(TreeKemRule rule, String detail) {
        super(rule, detail);
    }
}
