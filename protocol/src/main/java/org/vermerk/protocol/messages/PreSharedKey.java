package org.vermerk.protocol.messages;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.schedule.PreSharedKeyId;

/** {@code struct { PreSharedKeyID psk; } PreSharedKey;} (RFC 9420 §12.1.4). */
public record PreSharedKey(PreSharedKeyId psk) implements Proposal, Encodable {
    public static PreSharedKey decode(TlsReader reader) throws DecodeException {
        return new PreSharedKey(PreSharedKeyId.decode(reader));
    }

    @Override
    public int proposalType() {
        return ProposalType.PSK;
    }

    @Override
    public void encode(TlsWriter writer) {
        psk.encode(writer);
    }
}
