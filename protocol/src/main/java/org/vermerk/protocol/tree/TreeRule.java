package org.vermerk.protocol.tree;

import org.vermerk.protocol.ValidationRule;

/**
 * The rules a ratchet tree must follow: its shape when received (§12.4.3.3, Appendix C), its
 * hashes (§7.8, §7.9), the consistency of its unmerged leaves and keys (§7.1, §12.4.3.1), and the
 * merging of an UpdatePath (§7.5, §7.6). Rules about a single leaf are {@link LeafNodeRule}s.
 */
public enum TreeRule implements ValidationRule {
    EMPTY_TREE("TREE-1", "a ratchet tree has at least one node (§12.4.3.3)"),
    TRAILING_BLANK("TREE-2", "the last node of a ratchet_tree vector must be non-blank (§12.4.3.3)"),
    NODE_KIND_AT_POSITION("TREE-3", "leaves sit at even and parent nodes at odd positions of the array (Appendix C)"),
    TOO_LARGE("TREE-4", "a ratchet tree must fit the engine's limit of 2^30 - 1 nodes"),
    TREE_HASH_MISMATCH("TREE-5", "the tree hash of the root must equal the GroupContext's tree_hash (§7.8, §12.4.3.1)"),
    PARENT_HASH_INVALID(
            "TREE-6",
            "every non-blank parent node must be parent-hash valid: exactly one descendant D in the resolution"
                    + " of one child carries the parent's parent hash, and the parent's unmerged leaves under that"
                    + " child are the rest of that resolution (§7.9.2, §12.4.3.1)"),
    UNMERGED_LEAF_NOT_BELOW(
            "TREE-7", "each unmerged leaf of a parent node must be a non-blank leaf below that parent (§12.4.3.1)"),
    UNMERGED_LEAF_NOT_ON_PATH(
            "TREE-8",
            "every non-blank node between an unmerged leaf and the parent that lists it must list it too (§12.4.3.1)"),
    UNMERGED_LEAVES_UNSORTED("TREE-9", "unmerged_leaves must be sorted in strictly increasing order (§7.1)"),
    DUPLICATE_PARENT_KEY(
            "TREE-10", "the encryption key of a parent node must appear in no other node of the tree (§12.4.3.1)"),
    LEAF_PARENT_HASH_MISMATCH(
            "TREE-11",
            "the parent_hash of a committer's new leaf must equal the parent hash of the first node of its"
                    + " filtered direct path after the UpdatePath is merged (§7.5, §7.9.2)"),
    PATH_LENGTH(
            "TREE-12", "an UpdatePath must have one node for each node of the sender's filtered direct path (§7.6)");

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
