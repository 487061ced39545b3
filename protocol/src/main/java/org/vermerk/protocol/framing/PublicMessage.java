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
 *     FramedContent content;
 *     FramedContentAuthData auth;
 *     select (PublicMessage.content.sender.sender_type) {
 *         case member:
 *             MAC membership_tag;         // opaque &lt;V&gt;
 *         case external:
 *         case new_member_commit:
 *         case new_member_proposal:
 *             struct{};
 *     };
 * } PublicMessage;                        // RFC 9420 §6.2
 * </pre>
 *
 * Decoded, not verified: signature and membership tag are checked when the message is processed.
 */
public record PublicMessage(FramedContent content, FramedContentAuthData auth, Optional<Bytes> membershipTag)
        implements Encodable {
    public PublicMessage {
        auth.requireFits(content.contentType());
        if (membershipTag.isPresent() != (content.sender() instanceof Sender.Member)) {
            throw new IllegalArgumentException("a membership tag belongs to member senders only");
        }
    }

    public static PublicMessage decode(TlsReader reader) throws DecodeException {
        FramedContent content = FramedContent.decode(reader);
        FramedContentAuthData auth = FramedContentAuthData.decode(reader, content.contentType());
        Optional<Bytes> membershipTag =
                content.sender() instanceof Sender.Member ? Optional.of(reader.opaqueBytes()) : Optional.empty();
        return new PublicMessage(content, auth, membershipTag);
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.write(content).write(auth);
        membershipTag.ifPresent(writer::opaque);
    }
}
