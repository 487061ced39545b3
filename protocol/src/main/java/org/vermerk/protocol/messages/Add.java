package org.vermerk.protocol.messages;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.keypackage.KeyPackage;

/** {@code struct { KeyPackage key_package; } Add;} (RFC 9420 §12.1.1). */
public record Add(KeyPackage keyPackage) implements Proposal, Encodable {
    public static Add decode(TlsReader reader) throws DecodeException {
        return new Add(KeyPackage.decode(reader));
    }

    @Override
    public int proposalType() {
        return ProposalType.ADD;
    }

    @Override
    public void encode(TlsWriter writer) {
        keyPackage.encode(writer);
    }
}
