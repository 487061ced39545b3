package org.vermerk.protocol.tree;

import org.vermerk.protocol.ValidationRule;

/** The rules of leaf node validation (RFC 9420 §7.2, §7.3), each raised as an {@link InvalidLeafNodeException}. */
public enum LeafNodeRule implements ValidationRule {
    SIGNATURE(
            "LEAF-1",
            "the signature must verify under signature_key over the LeafNodeTBS, which holds group_id and"
                    + " leaf_index for the update and commit sources (§7.2, §7.3)"),
    REQUIRED_CAPABILITIES(
            "LEAF-2",
            "the capabilities must list every non-default extension, proposal and credential type of the group's"
                    + " required_capabilities (§7.3, §11.1)"),
    CREDENTIAL_TYPE_NOT_SUPPORTED(
            "LEAF-3",
            "every member must support the leaf's credential type, and the leaf every credential type in use"
                    + " (§7.3)"),
    OWN_CREDENTIAL_TYPE("LEAF-4", "the capabilities must list the credential type of the leaf's own credential (§7.2)"),
    LIFETIME("LEAF-5", "a leaf from a KeyPackage is valid only from not_before to not_after (§7.2, §7.3)"),
    EXTENSION_NOT_IN_CAPABILITIES(
            "LEAF-6", "every non-default extension of the leaf must be listed in its capabilities (§7.2, §7.3)"),
    SOURCE(
            "LEAF-7",
            "leaf_node_source must be key_package in a KeyPackage, update in an Update proposal and commit in an"
                    + " UpdatePath (§7.3)"),
    DUPLICATE_SIGNATURE_KEY("LEAF-8", "signature_key must be unique among the members of the group (§7.3)"),
    DUPLICATE_ENCRYPTION_KEY(
            "LEAF-9", "encryption_key must be unique among the members of the group and the tree's nodes (§7.3)"),
    ENCRYPTION_KEY_NOT_CHANGED(
            "LEAF-10",
            "a leaf in an Update or an UpdatePath must have another encryption_key than the leaf it replaces"
                    + " (§7.3, §7.5)"),
    SUITE_OR_VERSION_NOT_SUPPORTED(
            "LEAF-11", "the capabilities must list the group's protocol version and cipher suite (§7.2, §11.1)");

    private final String id;
    private final String description;

    LeafNodeRule(String id, String description) {
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
