package org.vermerk.protocol.messages;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.extension.Extension;

/**
 * <pre>
 * struct {
 *     opaque group_id&lt;V&gt;;
 *     ProtocolVersion version;            // uint16
 *     CipherSuite cipher_suite;           // uint16
 *     Extension extensions&lt;V&gt;;
 * } ReInit;                               // RFC 9420 §12.1.5
 * </pre>
 *
 * Version and suite are numbers: a ReInit may name ones newer than the engine knows.
 */
public record ReInit(Bytes groupId, int version, int cipherSuite, List<Extension> extensions)
        implements Proposal, Encodable {
    public ReInit {
        extensions = List.copyOf(extensions);
    }

    public static ReInit decode(TlsReader reader) throws DecodeException {
        return new ReInit(reader.opaqueBytes(), reader.u16(), reader.u16(), Extension.decodeList(reader));
    }

    @Override
    public int proposalType() {
        return ProposalType.REINIT;
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(groupId).u16(version).u16(cipherSuite).vectorOf(extensions);
    }
}
