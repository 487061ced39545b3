package org.vermerk.protocol.tree;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     uint64 not_before;
 *     uint64 not_after;
 * } Lifetime;                           // RFC 9420 §7.2
 * </pre>
 *
 * Seconds since the Unix epoch, as unsigned 64-bit values held in a {@code long}'s bits: compare
 * them with {@link Long#compareUnsigned}. The eternal lifetime {@code 0..2^64-1} is {@code 0..-1}.
 */
public record Lifetime(long notBefore, long notAfter) implements Encodable {
    public static Lifetime decode(TlsReader reader) throws DecodeException {
        return new Lifetime(reader.u64(), reader.u64());
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.u64(notBefore).u64(notAfter);
    }
}
