package org.vermerk.protocol.messages;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * {@code struct { uint32 removed; } Remove;} (RFC 9420 §12.1.3). Whether {@code removed} names a
 * non-blank leaf is checked when the proposal is validated against the tree.
 */
public record Remove(LeafIndex removed) implements Proposal, Encodable {
    public static Remove decode(TlsReader reader) throws DecodeException {
        return new Remove(LeafIndex.decode(reader));
    }

    @Override
    public int proposalType() {
        return ProposalType.REMOVE;
    }

    @Override
    public void encode(TlsWriter writer) {
        removed.encode(writer);
    }
}
