package org.vermerk.protocol.tree;

import java.util.List;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     LeafNode leaf_node;
 *     UpdatePathNode nodes&lt;V&gt;;
 * } UpdatePath;                           // RFC 9420 §7.6
 * </pre>
 *
 * The committer's new leaf and one node for each entry of its filtered direct path, in order.
 */
public record UpdatePath(LeafNode leafNode, List<UpdatePathNode> nodes) implements Encodable {
    public UpdatePath {
        nodes = List.copyOf(nodes);
    }

    public static UpdatePath decode(TlsReader reader) throws DecodeException {
        return new UpdatePath(LeafNode.decode(reader), reader.vector(UpdatePathNode::decode));
    }

    @Override
    public void encode(TlsWriter writer) {
        leafNode.encode(writer);
        writer.vectorOf(nodes);
    }
}
