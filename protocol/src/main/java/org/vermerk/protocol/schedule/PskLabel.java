package org.vermerk.protocol.schedule;

import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     PreSharedKeyID id;
 *     uint16 index;
 *     uint16 count;
 * } PSKLabel;                  // RFC 9420 §8.4
 * </pre>
 */
record PskLabel(PreSharedKeyId id, int index, int count) implements Encodable {
    @Override
    public void encode(TlsWriter writer) {
        writer.write(id).u16(index).u16(count);
    }
}
