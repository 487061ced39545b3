package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     opaque group_id&lt;V&gt;;
 *     uint64 epoch;
 *     Sender sender;
 *     opaque authenticated_data&lt;V&gt;;
 *
 *     ContentType content_type;
 *     select (FramedContent.content_type) {
 *         case application: opaque application_data&lt;V&gt;;
 *         case proposal:    Proposal proposal;
 *         case commit:      Commit commit;
 *     };
 * } FramedContent;                        // RFC 9420 §6
 * </pre>
 *
 * The epoch is an unsigned 64-bit value held in a {@code long}'s bits.
 */
public record FramedContent(Bytes groupId, long epoch, Sender sender, Bytes authenticatedData, Content content)
        implements Encodable {
    public static FramedContent decode(TlsReader reader) throws DecodeException {
        Bytes groupId = reader.opaqueBytes();
        long epoch = reader.u64();
        Sender sender = Sender.decode(reader);
        Bytes authenticatedData = reader.opaqueBytes();
        ContentType type = reader.u8Enum(ContentType.class);
        return new FramedContent(groupId, epoch, sender, authenticatedData, Content.decode(type, reader));
    }

    public ContentType contentType() {
        return content.contentType();
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(groupId).u64(epoch).write(sender).opaque(authenticatedData);
        writer.u8(content.contentType().value()).write(content);
    }
}
