package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * The AAD of a PrivateMessage's content encryption (encoding only):
 *
 * <pre>
 * struct {
 *     opaque group_id&lt;V&gt;;
 *     uint64 epoch;
 *     ContentType content_type;
 *     opaque authenticated_data&lt;V&gt;;
 * } PrivateContentAAD;                    // RFC 9420 §6.3.1
 * </pre>
 */
public record PrivateContentAad(Bytes groupId, long epoch, ContentType contentType, Bytes authenticatedData)
        implements Encodable {
    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(groupId).u64(epoch).u8(contentType.value()).opaque(authenticatedData);
    }
}
