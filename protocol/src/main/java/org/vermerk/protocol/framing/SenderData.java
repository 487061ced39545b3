package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * <pre>
 * struct {
 *     uint32 leaf_index;
 *     uint32 generation;
 *     opaque reuse_guard[4];
 * } SenderData;                           // RFC 9420 §6.3.2
 * </pre>
 *
 * The generation is an unsigned 32-bit value held in a {@code long}.
 */
public record SenderData(LeafIndex leafIndex, long generation, Bytes reuseGuard) implements Encodable {
    /** The size of {@code reuse_guard}. */
    public static final int REUSE_GUARD_LENGTH = 4;

    public SenderData {
        if (generation < 0 || generation > 0xffff_ffffL) {
            throw new IllegalArgumentException("generation out of the uint32 range: " + generation);
        }
        if (reuseGuard.size() != REUSE_GUARD_LENGTH) {
            throw new IllegalArgumentException("reuse guard has " + reuseGuard.size() + " bytes, not 4");
        }
    }

    public static SenderData decode(TlsReader reader) throws DecodeException {
        return new SenderData(LeafIndex.decode(reader), reader.u32(), reader.rawBytes(REUSE_GUARD_LENGTH));
    }

    @Override
    public void encode(TlsWriter writer) {
        leafIndex.encode(writer);
        writer.u32(generation).raw(reuseGuard);
    }
}
