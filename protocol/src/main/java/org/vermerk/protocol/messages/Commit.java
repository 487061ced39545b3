package org.vermerk.protocol.messages;

import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.tree.UpdatePath;

/**
 * <pre>
 * struct {
 *     ProposalOrRef proposals&lt;V&gt;;
 *     optional&lt;UpdatePath&gt; path;
 * } Commit;                               // RFC 9420 §12.4
 * </pre>
 */
public record Commit(List<ProposalOrRef> proposals, Optional<UpdatePath> path) implements Encodable {
    public Commit {
        proposals = List.copyOf(proposals);
    }

    public static Commit decode(TlsReader reader) throws DecodeException {
        return new Commit(reader.vector(ProposalOrRef::decode), reader.optionalOf(UpdatePath::decode));
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.vectorOf(proposals).optionalOf(path, TlsWriter::write);
    }
}
