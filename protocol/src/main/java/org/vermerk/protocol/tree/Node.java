package org.vermerk.protocol.tree;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     NodeType node_type;
 *     select (Node.node_type) {
 *         case leaf:   LeafNode leaf_node;
 *         case parent: ParentNode parent_node;
 *     };
 * } Node;                                 // RFC 9420 §12.4.3.3
 * </pre>
 *
 * A non-blank node of a ratchet tree. {@link LeafNode} and {@link ParentNode} encode their own
 * structs; the tagged {@code Node} encoding, with the node type in front, is {@link
 * #encode(TlsWriter, Node)}.
 */
public sealed interface Node permits LeafNode, ParentNode {
    NodeType nodeType();

    static Node decode(TlsReader reader) throws DecodeException {
        return switch (reader.u8Enum(NodeType.class)) {
            case LEAF -> LeafNode.decode(reader);
            case PARENT -> ParentNode.decode(reader);
        };
    }

    /** Writes {@code node} as a {@code Node}: its type, then its struct. */
    static void encode(TlsWriter writer, Node node) {
        writer.u8(node.nodeType().value());
        switch (node) {
            case LeafNode leaf -> leaf.encode(writer);
            case ParentNode parent -> parent.encode(writer);
        }
    }
}
