package org.vermerk.protocol.treekem;

import org.vermerk.protocol.ValidationRule;

/** The rules of processing an UpdatePath and keeping a private view of the tree (RFC 9420 §7.4 to §7.6). */
public enum TreeKemRule implements ValidationRule {
    CIPHERTEXT_COUNT(
            "TREEKEM-1",
            "each UpdatePathNode must carry one encrypted path secret for each node in the resolution of its"
                    + " copath child, leaving out the leaves added by the same commit (§7.6)"),
    DERIVED_KEY_MISMATCH(
            "TREEKEM-2",
            "the public keys derived from a decrypted path secret must equal those in the UpdatePath (§7.5)"),
    NO_DECRYPTION_KEY(
            "TREEKEM-3",
            "the receiver must hold the private key of a node in the resolution of the copath child below the"
                    + " common ancestor (§7.5)"),
    PRIVATE_KEY_MISMATCH(
            "TREEKEM-4",
            "every private key a member holds must belong to the public key of a non-blank node at that position"
                    + " (§7.4, §12.4.3.1)");

    private final String id;
    private final String description;

    TreeKemRule(String id, String description) {
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
