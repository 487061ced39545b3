package org.vermerk.protocol.framing;

import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     // SignWithLabel(., "FramedContentTBS", FramedContentTBS)
 *     opaque signature&lt;V&gt;;
 *     select (FramedContent.content_type) {
 *         case commit:
 *             // MAC(confirmation_key, GroupContext.confirmed_transcript_hash)
 *             MAC confirmation_tag;       // opaque &lt;V&gt;
 *         case application:
 *         case proposal:
 *             struct{};
 *     };
 * } FramedContentAuthData;                // RFC 9420 §6.1
 * </pre>
 *
 * The confirmation tag is present exactly when the content is a commit; the structs that pair
 * auth data with its content check this.
 */
public record FramedContentAuthData(Bytes signature, Optional<Bytes> confirmationTag) implements Encodable {
    public static FramedContentAuthData decode(TlsReader reader, ContentType contentType) throws DecodeException {
        Bytes signature = reader.opaqueBytes();
        Optional<Bytes> tag = contentType == ContentType.COMMIT ? Optional.of(reader.opaqueBytes()) : Optional.empty();
        return new FramedContentAuthData(signature, tag);
    }

    /** Fails unless the confirmation tag is present exactly for a commit. */
    void requireFits(ContentType contentType) {
        if (confirmationTag.isPresent() != (contentType == ContentType.COMMIT)) {
            throw new IllegalArgumentException("a confirmation tag belongs to commits only, content is " + contentType);
        }
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(signature);
        confirmationTag.ifPresent(writer::opaque);
    }
}
