package org.vermerk.protocol.framing;

import java.util.Optional;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.schedule.GroupContext;

/**
 * What a message's signature covers (encoding only):
 *
 * <pre>
 * struct {
 *     ProtocolVersion version = mls10;
 *     WireFormat wire_format;
 *     FramedContent content;
 *     select (FramedContentTBS.content.sender.sender_type) {
 *         case member:
 *         case new_member_commit:
 *             GroupContext context;
 *         case external:
 *         case new_member_proposal:
 *             struct{};
 *     };
 * } FramedContentTBS;                     // RFC 9420 §6.1
 * </pre>
 *
 * The group context is required for the sender types that have one and refused for the others.
 */
public record FramedContentTbs(WireFormat wireFormat, FramedContent content, Optional<GroupContext> context)
        implements Encodable {
    public FramedContentTbs {
        if (context.isPresent() != needsContext(content.sender())) {
            throw new IllegalArgumentException("sender type " + content.sender().senderType()
                    + (context.isPresent() ? " has no" : " needs a") + " group context");
        }
    }

    /** Whether a sender's signature covers the group context: members and new-member commits. */
    public static boolean needsContext(Sender sender) {
        return switch (sender.senderType()) {
            case MEMBER, NEW_MEMBER_COMMIT -> true;
            case EXTERNAL, NEW_MEMBER_PROPOSAL -> false;
        };
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.u16(ProtocolVersion.MLS10).u16(wireFormat.value()).write(content);
        context.ifPresent(writer::write);
    }
}
