package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     WireFormat wire_format;
 *     FramedContent content;
 *     FramedContentAuthData auth;
 * } AuthenticatedContent;                 // RFC 9420 §6
 * </pre>
 *
 * A message with its protection removed. Its encoding is hashed into a {@code ProposalRef} (§5.2)
 * and into the transcript hash (§8.2).
 */
public record AuthenticatedContent(WireFormat wireFormat, FramedContent content, FramedContentAuthData auth)
        implements Encodable {
    public AuthenticatedContent {
        auth.requireFits(content.contentType());
    }

    public static AuthenticatedContent decode(TlsReader reader) throws DecodeException {
        WireFormat wireFormat = reader.u16Enum(WireFormat.class);
        FramedContent content = FramedContent.decode(reader);
        return new AuthenticatedContent(
                wireFormat, content, FramedContentAuthData.decode(reader, content.contentType()));
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.u16(wireFormat.value()).write(content).write(auth);
    }
}
