package org.vermerk.protocol.group;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.credential.Credential;
import org.vermerk.protocol.extension.Extension;

/**
 * <pre>
 * struct {
 *   SignaturePublicKey signature_key;
 *   Credential credential;
 * } ExternalSender;
 *
 * ExternalSender external_senders&lt;V&gt;;   // RFC 9420 §12.1.8.1, GroupContext extension 5
 * </pre>
 *
 * A party outside the group that may send proposals, named by its index in the list.
 */
public record ExternalSender(Bytes signatureKey, Credential credential) implements Encodable {
    public static ExternalSender decode(TlsReader reader) throws DecodeException {
        return new ExternalSender(reader.opaqueBytes(), Credential.decode(reader));
    }

    /** The external senders a GroupContext's extensions name; empty without the extension. */
    public static List<ExternalSender> find(List<Extension> extensions) throws DecodeException {
        Decoder<List<ExternalSender>> decoder = r -> r.vector(ExternalSender::decode);
        var found = ExtensionTypes.find(extensions, ExtensionTypes.EXTERNAL_SENDERS);
        return found.isEmpty()
                ? List.of()
                : List.copyOf(decoder.decodeAll(found.get().data().toByteArray()));
    }

    /** The {@code external_senders} GroupContext extension naming these senders, in this order. */
    public static Extension toExtension(List<ExternalSender> senders) {
        return new Extension(
                ExtensionTypes.EXTERNAL_SENDERS,
                new TlsWriter().vectorOf(senders).toBytes());
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(signatureKey).write(credential);
    }
}
