package org.vermerk.protocol.messages;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.codec.WireEnum;

/**
 * <pre>
 * enum { reserved(0), proposal(1), reference(2), (255) } ProposalOrRefType;
 *
 * struct {
 *   ProposalOrRefType type;
 *   select (ProposalOrRef.type) {
 *     case proposal:  Proposal proposal;
 *     case reference: ProposalRef reference;   // opaque HashReference&lt;V&gt;
 *   };
 * } ProposalOrRef;                        // RFC 9420 §12.4
 * </pre>
 */
public sealed interface ProposalOrRef extends Encodable {
    /** {@code ProposalOrRefType}; decoding rejects other values (CODEC-7). */
    enum Type implements WireEnum {
        PROPOSAL(1),
        REFERENCE(2);

        private final int value;

        Type(int value) {
            this.value = value;
        }

        @Override
        public int value() {
            return value;
        }
    }

    Type type();

    /** A proposal carried in the commit itself. */
    record ByValue(Proposal proposal) implements ProposalOrRef {
        @Override
        public Type type() {
            return Type.PROPOSAL;
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(Type.PROPOSAL.value());
            Proposal.encode(writer, proposal);
        }
    }

    /** A proposal sent earlier, named by its {@code ProposalRef} (§5.2). */
    record ByReference(Bytes reference) implements ProposalOrRef {
        @Override
        public Type type() {
            return Type.REFERENCE;
        }

        @Override
        public void encode(TlsWriter writer) {
            writer.u8(Type.REFERENCE.value()).opaque(reference);
        }
    }

    static ProposalOrRef decode(TlsReader reader) throws DecodeException {
        return switch (reader.u8Enum(Type.class)) {
            case PROPOSAL -> new ByValue(Proposal.decode(reader));
            case REFERENCE -> new ByReference(reader.opaqueBytes());
        };
    }
}
