package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * <pre>
 * struct {
 *     SenderType sender_type;
 *     select (Sender.sender_type) {
 *         case member:              uint32 leaf_index;
 *         case external:            uint32 sender_index;
 *         case new_member_commit:
 *         case new_member_proposal: struct{};
 *     };
 * } Sender;                               // RFC 9420 §6
 * </pre>
 */
public sealed interface Sender extends Encodable {
    SenderType senderType();

    /** A member of the group, at its leaf. */
    record Member(LeafIndex leafIndex) implements Sender {
        @Override
        public SenderType senderType() {
            return SenderType.MEMBER;
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(SenderType.MEMBER.value());
            leafIndex.encode(writer);
        }
    }

    /**
     * A party outside the group, by its position in the {@code external_senders} extension
     * (§12.1.8.1); an unsigned 32-bit value.
     */
    record External(long senderIndex) implements Sender {
        public External {
            if (senderIndex < 0 || senderIndex > 0xffff_ffffL) {
                throw new IllegalArgumentException("sender index out of the uint32 range: " + senderIndex);
            }
        }

        @Override
        public SenderType senderType() {
            return SenderType.EXTERNAL;
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(SenderType.EXTERNAL.value()).u32(senderIndex);
        }
    }

    /** A client proposing to add itself (§12.1.8). */
    record NewMemberProposal() implements Sender {
        @Override
        public SenderType senderType() {
            return SenderType.NEW_MEMBER_PROPOSAL;
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(SenderType.NEW_MEMBER_PROPOSAL.value());
        }
    }

    /** A client joining by external commit (§12.4.3.2). */
    record NewMemberCommit() implements Sender {
        @Override
        public SenderType senderType() {
            return SenderType.NEW_MEMBER_COMMIT;
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(SenderType.NEW_MEMBER_COMMIT.value());
        }
    }

    static Sender decode(TlsReader reader) throws DecodeException {
        return switch (reader.u8Enum(SenderType.class)) {
            case MEMBER -> new Member(LeafIndex.decode(reader));
            case EXTERNAL -> new External(reader.u32());
            case NEW_MEMBER_PROPOSAL -> new NewMemberProposal();
            case NEW_MEMBER_COMMIT -> new NewMemberCommit();
        };
    }
}
