package org.vermerk.protocol.tree;

import java.util.List;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     ProtocolVersion versions&lt;V&gt;;     // uint16 each
 *     CipherSuite cipher_suites&lt;V&gt;;     // uint16 each
 *     ExtensionType extensions&lt;V&gt;;     // uint16 each
 *     ProposalType proposals&lt;V&gt;;       // uint16 each
 *     CredentialType credentials&lt;V&gt;;   // uint16 each
 * } Capabilities;                       // RFC 9420 §7.2
 * </pre>
 *
 * Every value is kept as it came, in order, including values the engine does not know and GREASE
 * values (§13.5), so the leaf re-encodes unchanged and its signature still verifies.
 */
public record Capabilities(
        List<Integer> versions,
        List<Integer> cipherSuites,
        List<Integer> extensions,
        List<Integer> proposals,
        List<Integer> credentials)
        implements Encodable {
    public Capabilities {
        versions = List.copyOf(versions);
        cipherSuites = List.copyOf(cipherSuites);
        extensions = List.copyOf(extensions);
        proposals = List.copyOf(proposals);
        credentials = List.copyOf(credentials);
    }

    public static Capabilities decode(TlsReader reader) throws DecodeException {
        return new Capabilities(
                reader.vector(TlsReader::u16),
                reader.vector(TlsReader::u16),
                reader.vector(TlsReader::u16),
                reader.vector(TlsReader::u16),
                reader.vector(TlsReader::u16));
    }

    @Override
    public void encode(TlsWriter writer) {
        for (List<Integer> values : List.of(versions, cipherSuites, extensions, proposals, credentials)) {
            writer.vector(values, TlsWriter::u16);
        }
    }
}
