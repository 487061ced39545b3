package org.vermerk.protocol.tree;

import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * {@code optional<Node> ratchet_tree<V>;} (RFC 9420 §12.4.3.3): the content of the {@code
 * ratchet_tree} extension, the nodes in array order with an empty optional for each blank node.
 *
 * <p>The wire form only. That the last node is non-blank, that leaves and parents sit at even and
 * odd positions, and the padding to a full tree are checked when a ratchet tree is built from it.
 */
public record RatchetTreeNodes(List<Optional<Node>> nodes) implements Encodable {
    public RatchetTreeNodes {
        nodes = List.copyOf(nodes);
    }

    public static RatchetTreeNodes decode(TlsReader reader) throws DecodeException {
        return new RatchetTreeNodes(reader.vector(r -> r.optionalOf(Node::decode)));
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.vector(nodes, (w, node) -> w.optionalOf(node, Node::encode));
    }
}
