package org.vermerk.protocol.framing.protection;

import org.vermerk.protocol.ValidationRule;

/**
 * Rules of message protection (RFC 9420 §6.1 to §6.3). A message that breaks one is dropped and
 * the group state is unchanged, except that a PrivateMessage may already have consumed its key in
 * the secret tree (§9.2). Failures of the secret tree (replay SECRET-TREE-2, too far ahead
 * SECRET-TREE-1, ...) and of the codec (non-zero padding CODEC-11) surface with their own rules.
 */
public enum FramingRule implements ValidationRule {
    WRONG_GROUP("FRAMING-1", "a message must carry the group_id of the group it is processed in (§6, §6.3)"),
    WRONG_EPOCH(
            "FRAMING-2",
            "a message must carry the epoch whose keys protect it; this engine keeps only the current epoch's (§6,"
                    + " §6.3.2, §14)"),
    MEMBERSHIP_TAG(
            "FRAMING-3",
            "a PublicMessage from a member must carry membership_tag = MAC(membership_key, AuthenticatedContentTBM)"
                    + " (§6.2)"),
    BAD_SIGNATURE(
            "FRAMING-4",
            "the signature must verify over FramedContentTBS with label \"FramedContentTBS\" under the sender's"
                    + " signature key (§6.1)"),
    CONTENT_DECRYPTION(
            "FRAMING-5",
            "a PrivateMessage's ciphertext must open under the sender's ratchet key, the reuse-guarded nonce and"
                    + " PrivateContentAAD (§6.3.1)"),
    SENDER_DATA_DECRYPTION(
            "FRAMING-6",
            "a PrivateMessage's encrypted_sender_data must open under the sender-data key and nonce of its"
                    + " ciphertext sample and SenderDataAAD (§6.3.2)"),
    APPLICATION_DATA_IN_PUBLIC_MESSAGE(
            "FRAMING-7", "application data travels only in a PrivateMessage, never in a PublicMessage (§6, §15)"),
    UNKNOWN_SENDER(
            "FRAMING-8",
            "the sender must have a signature key in the group: a non-blank leaf for a member (§6.1, §6.3.2)");

    private final String id;
    private final String description;

    FramingRule(String id, String description) {
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
