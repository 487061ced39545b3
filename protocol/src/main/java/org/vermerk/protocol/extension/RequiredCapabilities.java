package org.vermerk.protocol.extension;

import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     ExtensionType extension_types&lt;V&gt;;     // uint16 each
 *     ProposalType proposal_types&lt;V&gt;;       // uint16 each
 *     CredentialType credential_types&lt;V&gt;;   // uint16 each
 * } RequiredCapabilities;                     // RFC 9420 §11.1, extension type 3
 * </pre>
 *
 * What every member of a group must support, carried in the GroupContext's extensions.
 */
public record RequiredCapabilities(
        List<Integer> extensionTypes, List<Integer> proposalTypes, List<Integer> credentialTypes) implements Encodable {
    /** The {@code required_capabilities} extension type (§17.3). */
    public static final int EXTENSION_TYPE = 0x0003;

    /** Requires nothing beyond the defaults. */
    public static final RequiredCapabilities NONE = new RequiredCapabilities(List.of(), List.of(), List.of());

    public RequiredCapabilities {
        extensionTypes = List.copyOf(extensionTypes);
        proposalTypes = List.copyOf(proposalTypes);
        credentialTypes = List.copyOf(credentialTypes);
    }

    public static RequiredCapabilities decode(TlsReader reader) throws DecodeException {
        return new RequiredCapabilities(
                reader.vector(TlsReader::u16), reader.vector(TlsReader::u16), reader.vector(TlsReader::u16));
    }

    /** The requirements in a list of GroupContext extensions, if it has a {@code required_capabilities} one. */
    public static Optional<RequiredCapabilities> find(List<Extension> extensions) throws DecodeException {
        Decoder<RequiredCapabilities> decoder = RequiredCapabilities::decode;
        for (Extension extension : extensions) {
            if (extension.type() == EXTENSION_TYPE) {
                return Optional.of(decoder.decodeAll(extension.data().toByteArray()));
            }
        }
        return Optional.empty();
    }

    /** This struct as a GroupContext extension. */
    public Extension toExtension() {
        return new Extension(EXTENSION_TYPE, org.vermerk.protocol.codec.Bytes.of(encoded()));
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.vector(extensionTypes, TlsWriter::u16)
                .vector(proposalTypes, TlsWriter::u16)
                .vector(credentialTypes, TlsWriter::u16);
    }
}
