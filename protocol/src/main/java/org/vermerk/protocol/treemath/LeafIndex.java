package org.vermerk.protocol.treemath;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * The index of a leaf among the leaves of a ratchet tree, counted from 0 at the left (RFC 9420
 * §4.1.1); on the wire a {@code uint32}. A leaf index is not a {@link NodeIndex}: leaf {@code L}
 * sits at node {@code 2L} ({@link #toNodeIndex()}).
 *
 * <p>Any {@code uint32} is a syntactically valid leaf index; whether it names a leaf of a given
 * tree, and whether that leaf is occupied, is checked where the index is used.
 */
public record LeafIndex(long value) implements Comparable<LeafIndex> {
    /** The largest leaf index a {@code uint32} can carry. */
    public static final long MAX_VALUE = 0xffff_ffffL;

    public LeafIndex {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("leaf index out of the uint32 range: " + value);
        }
    }

    public static LeafIndex of(long value) {
        return new LeafIndex(value);
    }

    public static LeafIndex decode(TlsReader reader) throws DecodeException {
        return new LeafIndex(reader.u32());
    }

    public void encode(TlsWriter writer) {
        writer.u32(value);
    }

    /** The array position of this leaf: {@code 2 * value} (Appendix C). */
    public NodeIndex toNodeIndex() {
        return new NodeIndex(2 * value);
    }

    @Override
    public int compareTo(LeafIndex other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "leaf " + value;
    }
}
