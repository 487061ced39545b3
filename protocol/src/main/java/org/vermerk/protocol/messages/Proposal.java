package org.vermerk.protocol.messages;

import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     ProposalType proposal_type;         // uint16
 *     select (Proposal.proposal_type) {
 *         case add:                      Add;
 *         case update:                   Update;
 *         case remove:                   Remove;
 *         case psk:                      PreSharedKey;
 *         case reinit:                   ReInit;
 *         case external_init:            ExternalInit;
 *         case group_context_extensions: GroupContextExtensions;
 *     };
 * } Proposal;                             // RFC 9420 §12.1
 * </pre>
 *
 * Each kind of proposal is a record that encodes its own struct ({@code Add}, {@code Update},
 * ...); the tagged {@code Proposal} encoding, with the type in front, is {@link #encode(TlsWriter,
 * Proposal)}. A proposal body has no length of its own, so an unknown type cannot be skipped and
 * fails to decode (CODEC-9).
 */
public sealed interface Proposal
        permits Add, Update, Remove, PreSharedKey, ReInit, ExternalInit, GroupContextExtensions {
    /** The {@link ProposalType} value. */
    int proposalType();

    static Proposal decode(TlsReader reader) throws DecodeException {
        int type = reader.u16();
        return switch (type) {
            case ProposalType.ADD -> Add.decode(reader);
            case ProposalType.UPDATE -> Update.decode(reader);
            case ProposalType.REMOVE -> Remove.decode(reader);
            case ProposalType.PSK -> PreSharedKey.decode(reader);
            case ProposalType.REINIT -> ReInit.decode(reader);
            case ProposalType.EXTERNAL_INIT -> ExternalInit.decode(reader);
            case ProposalType.GROUP_CONTEXT_EXTENSIONS -> GroupContextExtensions.decode(reader);
            default -> throw new DecodeException(CodecRule.UNKNOWN_PROPOSAL_TYPE, "proposal type " + type);
        };
    }

    /** Writes {@code proposal} as a {@code Proposal}: its type, then its struct. */
    static void encode(TlsWriter writer, Proposal proposal) {
        writer.u16(proposal.proposalType());
        switch (proposal) {
            case Add add -> add.encode(writer);
            case Update update -> update.encode(writer);
            case Remove remove -> remove.encode(writer);
            case PreSharedKey psk -> psk.encode(writer);
            case ReInit reInit -> reInit.encode(writer);
            case ExternalInit externalInit -> externalInit.encode(writer);
            case GroupContextExtensions extensions -> extensions.encode(writer);
        }
    }
}
