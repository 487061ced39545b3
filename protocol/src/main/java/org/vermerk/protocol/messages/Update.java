package org.vermerk.protocol.messages;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.tree.LeafNode;

/** {@code struct { LeafNode leaf_node; } Update;} (RFC 9420 §12.1.2). */
public record Update(LeafNode leafNode) implements Proposal, Encodable {
    public static Update decode(TlsReader reader) throws DecodeException {
        return new Update(LeafNode.decode(reader));
    }

    @Override
    public int proposalType() {
        return ProposalType.UPDATE;
    }

    @Override
    public void encode(TlsWriter writer) {
        leafNode.encode(writer);
    }
}
