package org.vermerk.protocol.tree;

import java.util.Optional;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * The input whose hash is a node's tree hash (RFC 9420 §7.8):
 *
 * <pre>
 * struct {
 *   NodeType node_type;
 *   select (TreeHashInput.node_type) {
 *     case leaf:   LeafNodeHashInput leaf_node;
 *     case parent: ParentNodeHashInput parent_node;
 *   };
 * } TreeHashInput;
 *
 * struct {
 *     uint32 leaf_index;
 *     optional&lt;LeafNode&gt; leaf_node;
 * } LeafNodeHashInput;
 *
 * struct {
 *     optional&lt;ParentNode&gt; parent_node;
 *     opaque left_hash&lt;V&gt;;
 *     opaque right_hash&lt;V&gt;;
 * } ParentNodeHashInput;
 * </pre>
 *
 * The optional node is absent exactly when the node is blank.
 */
sealed interface TreeHashInput extends Encodable {
    /** A leaf position: its leaf index and its leaf node, if not blank. */
    record LeafNodeHashInput(LeafIndex leafIndex, Optional<LeafNode> leafNode) implements TreeHashInput {
        @Override
        public void encode(TlsWriter writer) {
            writer.u8(NodeType.LEAF.value());
            leafIndex.encode(writer);
            writer.optionalOf(leafNode, (w, leaf) -> leaf.encode(w));
        }
    }

    /** A parent position: its parent node, if not blank, and the tree hashes of its children. */
    record ParentNodeHashInput(Optional<ParentNode> parentNode, Bytes leftHash, Bytes rightHash)
            implements TreeHashInput {
        @Override
        public void encode(TlsWriter writer) {
            writer.u8(NodeType.PARENT.value());
            writer.optionalOf(parentNode, (w, parent) -> parent.encode(w));
            writer.opaque(leftHash).opaque(rightHash);
        }
    }
}
