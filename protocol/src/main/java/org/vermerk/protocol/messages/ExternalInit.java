package org.vermerk.protocol.messages;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/** {@code struct { opaque kem_output<V>; } ExternalInit;} (RFC 9420 §12.1.6). */
public record ExternalInit(Bytes kemOutput) implements Proposal, Encodable {
    public static ExternalInit decode(TlsReader reader) throws DecodeException {
        return new ExternalInit(reader.opaqueBytes());
    }

    @Override
    public int proposalType() {
        return ProposalType.EXTERNAL_INIT;
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(kemOutput);
    }
}
