package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * The AAD of a PrivateMessage's sender data encryption (encoding only):
 *
 * <pre>
 * struct {
 *     opaque group_id&lt;V&gt;;
 *     uint64 epoch;
 *     ContentType content_type;
 * } SenderDataAAD;                        // RFC 9420 §6.3.2
 * </pre>
 */
public record SenderDataAad(Bytes groupId, long epoch, ContentType contentType) implements Encodable {
    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(groupId).u64(epoch).u8(contentType.value());
    }
}
