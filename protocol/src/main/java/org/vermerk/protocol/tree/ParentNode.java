package org.vermerk.protocol.tree;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * <pre>
 * struct {
 *     HPKEPublicKey encryption_key;       // opaque &lt;V&gt;
 *     opaque parent_hash&lt;V&gt;;
 *     uint32 unmerged_leaves&lt;V&gt;;
 * } ParentNode;                           // RFC 9420 §7.1
 * </pre>
 *
 * The unmerged leaves are kept in wire order; that they are sorted and name leaves below this node
 * is checked when the tree is validated.
 */
public record ParentNode(Bytes encryptionKey, Bytes parentHash, List<LeafIndex> unmergedLeaves)
        implements Node, Encodable {
    public ParentNode {
        unmergedLeaves = List.copyOf(unmergedLeaves);
    }

    public static ParentNode decode(TlsReader reader) throws DecodeException {
        return new ParentNode(reader.opaqueBytes(), reader.opaqueBytes(), reader.vector(LeafIndex::decode));
    }

    @Override
    public NodeType nodeType() {
        return NodeType.PARENT;
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(encryptionKey).opaque(parentHash).vector(unmergedLeaves, (w, leaf) -> leaf.encode(w));
    }
}
