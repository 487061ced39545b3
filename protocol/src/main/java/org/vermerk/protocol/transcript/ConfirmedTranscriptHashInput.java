package org.vermerk.protocol.transcript;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.framing.AuthenticatedContent;
import org.vermerk.protocol.framing.ContentType;
import org.vermerk.protocol.framing.FramedContent;
import org.vermerk.protocol.framing.WireFormat;

/**
 * What a commit adds to the confirmed transcript hash (encoding only):
 *
 * <pre>
 * struct {
 *     WireFormat wire_format;
 *     FramedContent content;              // with content_type == commit
 *     opaque signature&lt;V&gt;;
 * } ConfirmedTranscriptHashInput;         // RFC 9420 §8.2
 * </pre>
 */
public record ConfirmedTranscriptHashInput(WireFormat wireFormat, FramedContent content, Bytes signature)
        implements Encodable {
    public ConfirmedTranscriptHashInput {
        if (content.contentType() != ContentType.COMMIT) {
            throw new IllegalArgumentException("only a commit enters the transcript, not " + content.contentType());
        }
    }

    /** The part of a commit's AuthenticatedContent that the confirmed transcript hash covers. */
    public static ConfirmedTranscriptHashInput of(AuthenticatedContent commit) {
        return new ConfirmedTranscriptHashInput(
                commit.wireFormat(), commit.content(), commit.auth().signature());
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.u16(wireFormat.value()).write(content).opaque(signature);
    }
}
