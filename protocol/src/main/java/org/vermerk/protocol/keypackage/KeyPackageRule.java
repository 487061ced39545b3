package org.vermerk.protocol.keypackage;

import org.vermerk.protocol.ValidationRule;

/** Rules of KeyPackage validation (RFC 9420 §10.1, with the leaf node checks of §7.3 it calls for). */
public enum KeyPackageRule implements ValidationRule {
    VERSION("KEYPACKAGE-1", "the KeyPackage's protocol version must be the group's, mls10 (§10, §10.1)"),
    CIPHER_SUITE("KEYPACKAGE-2", "the KeyPackage's cipher suite must be the group's (§10.1)"),
    SIGNATURE(
            "KEYPACKAGE-3",
            "the signature must verify over KeyPackageTBS with label \"KeyPackageTBS\" under"
                    + " leaf_node.signature_key (§10, §10.1)"),
    LEAF_NODE_SOURCE(
            "KEYPACKAGE-4", "the leaf node of a KeyPackage must have leaf_node_source key_package (§7.3, §10)"),
    LEAF_NODE_SIGNATURE(
            "KEYPACKAGE-5",
            "the leaf node's signature must verify over LeafNodeTBS with label \"LeafNodeTBS\" under its"
                    + " signature_key (§7.2, §7.3)"),
    EXPIRED("KEYPACKAGE-6", "the current time must not be after lifetime.not_after (§7.3)"),
    NOT_YET_VALID("KEYPACKAGE-7", "the current time must not be before lifetime.not_before (§7.3)"),
    INIT_KEY_IS_ENCRYPTION_KEY("KEYPACKAGE-8", "leaf_node.encryption_key must differ from init_key (§10.1)"),
    CREDENTIAL_TYPE_NOT_IN_CAPABILITIES(
            "KEYPACKAGE-9", "the credential type of the leaf node must be listed in its capabilities (§7.2)"),
    EXTENSION_NOT_IN_CAPABILITIES(
            "KEYPACKAGE-10",
            "every non-default extension of the KeyPackage and its leaf node must be listed in the leaf's"
                    + " capabilities (§7.2, §7.3, §10); GREASE extensions of the KeyPackage itself are ignored like"
                    + " any unknown KeyPackage extension (§10, §13.5)");

    private final String id;
    private final String description;

    KeyPackageRule(String id, String description) {
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
