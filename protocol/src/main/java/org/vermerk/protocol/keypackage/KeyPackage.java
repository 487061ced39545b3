package org.vermerk.protocol.keypackage;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.tree.LeafNode;

/**
 * <pre>
 * struct {
 *     ProtocolVersion version;            // uint16
 *     CipherSuite cipher_suite;           // uint16
 *     HPKEPublicKey init_key;             // opaque &lt;V&gt;
 *     LeafNode leaf_node;
 *     Extension extensions&lt;V&gt;;
 *     // SignWithLabel(., "KeyPackageTBS", KeyPackageTBS)
 *     opaque signature&lt;V&gt;;
 * } KeyPackage;                           // RFC 9420 §10
 * </pre>
 *
 * Decoded, not verified: version, cipher suite, signatures and the leaf node are checked by
 * KeyPackage validation (§10.1). Version and cipher suite are kept as numbers, so that a KeyPackage
 * for a version or suite the engine does not know still decodes and can be refused by name.
 */
public record KeyPackage(
        int version, int cipherSuite, Bytes initKey, LeafNode leafNode, List<Extension> extensions, Bytes signature)
        implements Encodable {
    public KeyPackage {
        extensions = List.copyOf(extensions);
    }

    public static KeyPackage decode(TlsReader reader) throws DecodeException {
        return new KeyPackage(
                reader.u16(),
                reader.u16(),
                reader.opaqueBytes(),
                LeafNode.decode(reader),
                Extension.decodeList(reader),
                reader.opaqueBytes());
    }

    @Override
    public void encode(TlsWriter writer) {
        writeSignedFields(writer);
        writer.opaque(signature);
    }

    private void writeSignedFields(TlsWriter writer) {
        writer.u16(version).u16(cipherSuite).opaque(initKey).write(leafNode).vectorOf(extensions);
    }

    /**
     * The encoded {@code KeyPackageTBS} the signature covers: every field above it (§10).
     *
     * <pre>
     * struct {
     *     ProtocolVersion version;
     *     CipherSuite cipher_suite;
     *     HPKEPublicKey init_key;
     *     LeafNode leaf_node;
     *     Extension extensions&lt;V&gt;;
     * } KeyPackageTBS;
     * </pre>
     */
    public Bytes toBeSigned() {
        TlsWriter writer = new TlsWriter();
        writeSignedFields(writer);
        return writer.toBytes();
    }
}
