package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * The plaintext of a PrivateMessage:
 *
 * <pre>
 * struct {
 *     select (PrivateMessage.content_type) {
 *         case application: opaque application_data&lt;V&gt;;
 *         case proposal:    Proposal proposal;
 *         case commit:      Commit commit;
 *     };
 *     FramedContentAuthData auth;
 *     opaque padding[length_of_padding];
 * } PrivateMessageContent;                // RFC 9420 §6.3.1
 * </pre>
 *
 * The padding is {@code paddingLength} zero bytes. On decode it is whatever follows the auth data,
 * and every byte of it must be zero (CODEC-11), so padding cannot carry a covert channel.
 */
public record PrivateMessageContent(Content content, FramedContentAuthData auth, int paddingLength)
        implements Encodable {
    public PrivateMessageContent {
        auth.requireFits(content.contentType());
        if (paddingLength < 0) {
            throw new IllegalArgumentException("negative padding: " + paddingLength);
        }
    }

    /** Decodes a whole decrypted plaintext; the content type comes from the PrivateMessage. */
    public static PrivateMessageContent decode(byte[] plaintext, ContentType contentType) throws DecodeException {
        TlsReader reader = new TlsReader(plaintext);
        Content content = Content.decode(contentType, reader);
        FramedContentAuthData auth = FramedContentAuthData.decode(reader, contentType);
        int paddingLength = reader.remaining();
        for (int i = 0; i < paddingLength; i++) {
            if (reader.u8() != 0) {
                throw new DecodeException(CodecRule.NONZERO_PADDING, "non-zero byte in padding at offset " + i);
            }
        }
        return new PrivateMessageContent(content, auth, paddingLength);
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.write(content).write(auth).raw(new byte[paddingLength]);
    }
}
