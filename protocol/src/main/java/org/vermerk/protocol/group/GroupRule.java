package org.vermerk.protocol.group;

import org.vermerk.protocol.ValidationRule;

/**
 * The rules of the group logic (RFC 9420 §12): proposals on their own (§12.1), proposal lists
 * (§12.2), commits (§12.4), joining (§12.4.3.1) and external commits (§12.4.3.2). Rules that other
 * packages already check keep their own identifiers: framing (FRAMING-1 group, FRAMING-2 epoch,
 * FRAMING-8 unknown sender), leaves (LEAF-*), KeyPackages (KEYPACKAGE-*), the confirmation tag
 * (TRANSCRIPT-1), UpdatePaths (TREE-*, TREEKEM-*) and Welcomes (WELCOME-*). GROUP-30 and GROUP-31 are
 * those of a stored group state ({@link GroupStateCodec}, ADR 0009).
 */
public enum GroupRule implements ValidationRule {
    UNKNOWN_PROPOSAL_REFERENCE(
            "GROUP-1", "a proposal a commit lists by reference must be one received in the same epoch (§12.4.2)"),
    PATH_REQUIRED(
            "GROUP-2",
            "a commit must carry a path when it is empty or covers an Update, Remove, ExternalInit or"
                    + " GroupContextExtensions proposal (§12.4, §17.4 \"Path Required\")"),
    UPDATE_BY_COMMITTER("GROUP-3", "a commit must not cover an Update proposal sent by the committer (§12.2)"),
    REMOVES_COMMITTER("GROUP-4", "a commit must not cover a Remove proposal that removes the committer (§12.2)"),
    SAME_LEAF_CHANGED_TWICE(
            "GROUP-5", "a commit must not cover more than one Update or Remove proposal for the same leaf (§12.2)"),
    DUPLICATE_ADD(
            "GROUP-6",
            "a commit must not cover two Add proposals for the same client: the same signature key or the same"
                    + " KeyPackage (§12.2)"),
    ADD_OF_MEMBER(
            "GROUP-7",
            "a commit must not add a client already in the group (same signature key) unless it also removes"
                    + " that member (§12.2)"),
    DUPLICATE_PSK("GROUP-8", "a commit must not cover two PreSharedKey proposals for the same PreSharedKeyID (§12.2)"),
    MULTIPLE_GROUP_CONTEXT_EXTENSIONS(
            "GROUP-9", "a commit must cover at most one GroupContextExtensions proposal (§12.2)"),
    REINIT_NOT_ALONE("GROUP-10", "a commit that covers a ReInit proposal must cover no other proposal (§12.2)"),
    EXTERNAL_INIT_IN_MEMBER_COMMIT(
            "GROUP-11", "only an external commit may cover an ExternalInit proposal (§12.2, §12.1.6)"),
    REMOVE_BLANK_LEAF("GROUP-12", "a Remove proposal must name a non-blank leaf of the tree (§12.1.3)"),
    PSK_NONCE_LENGTH("GROUP-13", "the psk_nonce of a PreSharedKeyID must be KDF.Nh bytes long (§12.1.4, §8.4)"),
    PSK_USAGE(
            "GROUP-14",
            "a resumption PSK of usage reinit or branch is allowed only in a reinitialisation or branch, never in"
                    + " a normal commit (§12.1.4)"),
    REINIT_VERSION("GROUP-15", "a ReInit must not name a protocol version older than the group's (§12.1.5)"),
    EXTENSIONS_NOT_SUPPORTED(
            "GROUP-16",
            "every member must support each non-default extension of a GroupContextExtensions proposal and the"
                    + " required_capabilities it sets (§12.1.7, §11.1)"),
    EXTERNAL_COMMIT_EXTERNAL_INIT(
            "GROUP-17", "an external commit must cover exactly one ExternalInit proposal (§12.4.3.2)"),
    EXTERNAL_COMMIT_REMOVES_OTHER(
            "GROUP-18",
            "an external commit may remove at most one leaf, and only a former leaf of the joiner itself: a member"
                    + " whose credential equals the joiner's (§12.4.3.2)"),
    EXTERNAL_COMMIT_PROPOSAL_TYPE(
            "GROUP-19",
            "an external commit may cover only ExternalInit, Remove and PreSharedKey proposals (§12.4.3.2)"),
    EXTERNAL_COMMIT_BY_REFERENCE("GROUP-20", "an external commit must carry all its proposals by value (§12.4.3.2)"),
    PROPOSAL_SENDER(
            "GROUP-21",
            "a proposal must come from a sender that may send its type: Update only from members, Add only from"
                    + " new members proposing themselves, ExternalInit only inside an external commit (§12.1, §12.1.8)"),
    COMMIT_SENDER(
            "GROUP-22",
            "a commit must come from a member or, as an external commit, from a new member (§12.4.2, §12.4.3.2)"),
    UNKNOWN_PSK("GROUP-23", "every PSK a commit injects must be available to the member processing it (§12.4.2)"),
    OWN_LEAF_NOT_FOUND(
            "GROUP-24",
            "a joiner's tree must hold its KeyPackage's leaf node, by which it finds its own leaf index"
                    + " (§12.4.3.1)"),
    NO_RATCHET_TREE(
            "GROUP-25",
            "a joiner needs the ratchet tree: from the ratchet_tree extension of the GroupInfo or out of band"
                    + " (§12.4.3.1, §12.4.3.3)"),
    NO_EXTERNAL_PUB(
            "GROUP-26", "joining by external commit needs a GroupInfo with the external_pub extension (§12.4.3.2)"),
    OWN_COMMIT(
            "GROUP-27",
            "a member does not process its own commit: it merges its pending commit once the delivery service"
                    + " accepted it (§12.4.2)"),
    EXTERNAL_SENDER_PROPOSAL(
            "GROUP-28",
            "an external sender may send only Add, Remove, PreSharedKey, ReInit and GroupContextExtensions"
                    + " proposals (§12.1.8.1)"),
    STATE_FORMAT(
            "GROUP-30",
            "a stored group state starts with \"VMGS\" and a format version this engine reads, of a cipher suite it"
                    + " implements (docs/decisions/0009-group-state-format.md)"),
    STATE_INCONSISTENT(
            "GROUP-31",
            "the parts of a stored group state fit together: the tree hash, our leaf, credential and keys, the"
                    + " secret tree's width, the current epoch's resumption PSK (§7.4, §7.8, §8, §9)");

    private final String id;
    private final String description;

    GroupRule(String id, String description) {
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
