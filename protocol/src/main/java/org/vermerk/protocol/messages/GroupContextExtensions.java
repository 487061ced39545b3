package org.vermerk.protocol.messages;

import java.util.List;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.extension.Extension;

/**
 * {@code struct { Extension extensions<V>; } GroupContextExtensions;} (RFC 9420 §12.1.7): the
 * group's new extension list, replacing the old one wholesale.
 */
public record GroupContextExtensions(List<Extension> extensions) implements Proposal, Encodable {
    public GroupContextExtensions {
        extensions = List.copyOf(extensions);
    }

    public static GroupContextExtensions decode(TlsReader reader) throws DecodeException {
        return new GroupContextExtensions(Extension.decodeList(reader));
    }

    @Override
    public int proposalType() {
        return ProposalType.GROUP_CONTEXT_EXTENSIONS;
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.vectorOf(extensions);
    }
}
