package org.vermerk.protocol.tree;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.credential.Credential;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * <pre>
 * struct {
 *     HPKEPublicKey encryption_key;       // opaque &lt;V&gt;
 *     SignaturePublicKey signature_key;   // opaque &lt;V&gt;
 *     Credential credential;
 *     Capabilities capabilities;
 *
 *     LeafNodeSource leaf_node_source;
 *     select (LeafNode.leaf_node_source) { ... };   // see LeafNodeSource
 *
 *     Extension extensions&lt;V&gt;;
 *     // SignWithLabel(., "LeafNodeTBS", LeafNodeTBS)
 *     opaque signature&lt;V&gt;;
 * } LeafNode;                             // RFC 9420 §7.2
 * </pre>
 *
 * Decoded, not verified: the signature, credential, capabilities and lifetime are checked by leaf
 * node validation (§7.3). Unknown extensions are kept and re-encoded unchanged.
 */
public record LeafNode(
        Bytes encryptionKey,
        Bytes signatureKey,
        Credential credential,
        Capabilities capabilities,
        LeafNodeSource source,
        List<Extension> extensions,
        Bytes signature)
        implements Node, Encodable {
    public LeafNode {
        extensions = List.copyOf(extensions);
    }

    public static LeafNode decode(TlsReader reader) throws DecodeException {
        return new LeafNode(
                reader.opaqueBytes(),
                reader.opaqueBytes(),
                Credential.decode(reader),
                Capabilities.decode(reader),
                LeafNodeSource.decode(reader),
                Extension.decodeList(reader),
                reader.opaqueBytes());
    }

    @Override
    public NodeType nodeType() {
        return NodeType.LEAF;
    }

    @Override
    public void encode(TlsWriter writer) {
        writeSignedFields(writer);
        writer.opaque(signature);
    }

    private void writeSignedFields(TlsWriter writer) {
        writer.opaque(encryptionKey).opaque(signatureKey).write(credential).write(capabilities);
        LeafNodeSource.encode(writer, source);
        writer.vectorOf(extensions);
    }

    /**
     * The encoded {@code LeafNodeTBS} this leaf's signature covers (§7.2): every field above the
     * signature and, for the {@code update} and {@code commit} sources, the group and the leaf's
     * position in it. For the {@code key_package} source the group context is not part of the TBS
     * and the arguments are ignored.
     *
     * <pre>
     *     select (LeafNodeTBS.leaf_node_source) {
     *         case key_package: struct{};
     *         case update:      opaque group_id&lt;V&gt;; uint32 leaf_index;
     *         case commit:      opaque group_id&lt;V&gt;; uint32 leaf_index;
     *     };
     * </pre>
     */
    public Bytes toBeSigned(Bytes groupId, LeafIndex leafIndex) {
        TlsWriter writer = new TlsWriter();
        writeSignedFields(writer);
        if (!(source instanceof LeafNodeSource.FromKeyPackage)) {
            writer.opaque(groupId);
            leafIndex.encode(writer);
        }
        return writer.toBytes();
    }

    /** The {@code LeafNodeTBS} of a leaf from a KeyPackage, which is bound to no group. */
    public Bytes toBeSignedInKeyPackage() {
        if (!(source instanceof LeafNodeSource.FromKeyPackage)) {
            throw new IllegalStateException("leaf node source is " + source.type() + ", not key_package");
        }
        TlsWriter writer = new TlsWriter();
        writeSignedFields(writer);
        return writer.toBytes();
    }
}
