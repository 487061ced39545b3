package org.vermerk.protocol.group;

import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.extension.Extension;

/**
 * {@code struct { HPKEPublicKey external_pub; } ExternalPub;} (RFC 9420 §12.4.3.2): the GroupInfo
 * extension an external joiner encrypts its {@code init_secret} to.
 */
public record ExternalPub(Bytes externalPub) implements Encodable {
    public static ExternalPub decode(TlsReader reader) throws DecodeException {
        return new ExternalPub(reader.opaqueBytes());
    }

    /** The {@code external_pub} extension in a GroupInfo's extensions, if there is one. */
    public static Optional<ExternalPub> find(List<Extension> extensions) throws DecodeException {
        Decoder<ExternalPub> decoder = ExternalPub::decode;
        Optional<Extension> found = ExtensionTypes.find(extensions, ExtensionTypes.EXTERNAL_PUB);
        return found.isEmpty()
                ? Optional.empty()
                : Optional.of(decoder.decodeAll(found.get().data().toByteArray()));
    }

    public Extension toExtension() {
        return new Extension(ExtensionTypes.EXTERNAL_PUB, Bytes.of(encoded()));
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(externalPub);
    }
}
