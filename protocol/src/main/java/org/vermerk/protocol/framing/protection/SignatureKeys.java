package org.vermerk.protocol.framing.protection;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.Sender;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * Where a receiver finds the key that must have signed a message (RFC 9420 §6.1): the group
 * logic answers from its ratchet tree and extensions.
 *
 * <ul>
 *   <li>{@code member}: the signature key of the LeafNode at {@code leaf_index};
 *   <li>{@code external}: the key at {@code sender_index} of the {@code external_senders} extension;
 *   <li>{@code new_member_commit}: the key in the LeafNode of the commit's path;
 *   <li>{@code new_member_proposal}: the key in the LeafNode of the Add's KeyPackage.
 * </ul>
 */
public interface SignatureKeys {
    /** The signature key of the member at {@code leaf}; FRAMING-8 when the leaf is blank or outside the tree. */
    Bytes ofMember(LeafIndex leaf) throws FramingException;

    /**
     * The signature key of the sender of {@code content}. The default knows members only and
     * refuses every other sender type with FRAMING-8; group logic that accepts external senders or
     * new members overrides it.
     */
    default Bytes of(FramedContent content) throws FramingException {
        if (content.sender() instanceof Sender.Member(LeafIndex leaf)) {
            return ofMember(leaf);
        }
        throw new FramingException(
                FramingRule.UNKNOWN_SENDER,
                "no signature key for sender type " + content.sender().senderType());
    }
}
