package org.vermerk.protocol.secrettree;

import org.vermerk.protocol.ValidationRule;

/** Rules of the secret tree and its sender ratchets (RFC 9420 §9, §14). */
public enum SecretTreeRule implements ValidationRule {
    TOO_FAR_AHEAD(
            "SECRET-TREE-1",
            "a generation may lie at most the policy's forward distance beyond the ratchet; nothing is derived for one"
                    + " that lies further (§14)"),
    REPLAY("SECRET-TREE-2", "each key and nonce is used once and then deleted; a second use is a replay (§9.2)"),
    EXPIRED("SECRET-TREE-3", "keys of skipped generations are kept only within the policy's window (§9.2, §14)"),
    LEAF_OUT_OF_RANGE("SECRET-TREE-4", "the leaf index must name a leaf of the tree (§6.3.2, §9)"),
    EXHAUSTED("SECRET-TREE-5", "a ratchet ends at generation 2^32-1, the largest uint32 (§6.3.2, §9.1)");

    private final String id;
    private final String description;

    SecretTreeRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
