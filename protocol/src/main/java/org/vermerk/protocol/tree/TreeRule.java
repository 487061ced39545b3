package org.vermerk.protocol.tree;

import org.vermerk.protocol.ValidationRule;

/** The shape a received ratchet tree must have (RFC 9420 §12.4.3.3, Appendix C). */
public enum TreeRule implements ValidationRule {
    EMPTY_TREE("TREE-1", "a ratchet tree has at least one node (§12.4.3.3)"),
    TRAILING_BLANK("TREE-2", "the last node of a ratchet_tree vector must be non-blank (§12.4.3.3)"),
    NODE_KIND_AT_POSITION("TREE-3", "leaves sit at even and parent nodes at odd positions of the array (Appendix C)"),
    TOO_LARGE("TREE-4", "a ratchet tree must fit the engine's limit of 2^30 - 1 nodes");

    private final String id;
    private final String description;

    TreeRule(String id, String description) {
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
