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
 *     ContentType content_type;
 *     opaque authenticated_data&lt;V&gt;;
 *     opaque encrypted_sender_data&lt;V&gt;;
 *     opaque ciphertext&lt;V&gt;;
 * } PrivateMessage;                       // RFC 9420 §6.3
 * </pre>
 *
 * The ciphertext holds a {@link PrivateMessageContent}, the encrypted sender data a {@link
 * SenderData}.
 */
public record PrivateMessage(
        Bytes groupId,
        long epoch,
        ContentType contentType,
        Bytes authenticatedData,
        Bytes encryptedSenderData,
        Bytes ciphertext)
        implements Encodable {
    public static PrivateMessage decode(TlsReader reader) throws DecodeException {
        return new PrivateMessage(
                reader.opaqueBytes(),
                reader.u64(),
                reader.u8Enum(ContentType.class),
                reader.opaqueBytes(),
                reader.opaqueBytes(),
                reader.opaqueBytes());
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(groupId)
                .u64(epoch)
                .u8(contentType.value())
                .opaque(authenticatedData)
                .opaque(encryptedSenderData)
                .opaque(ciphertext);
    }

    /** The AAD of the content encryption, built from this message's header (§6.3.1). */
    public PrivateContentAad contentAad() {
        return new PrivateContentAad(groupId, epoch, contentType, authenticatedData);
    }

    /** The AAD of the sender data encryption, built from this message's header (§6.3.2). */
    public SenderDataAad senderDataAad() {
        return new SenderDataAad(groupId, epoch, contentType);
    }
}
