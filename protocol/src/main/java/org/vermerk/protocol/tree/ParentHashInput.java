package org.vermerk.protocol.tree;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     HPKEPublicKey encryption_key;             // opaque &lt;V&gt;
 *     opaque parent_hash&lt;V&gt;;
 *     opaque original_sibling_tree_hash&lt;V&gt;;
 * } ParentHashInput;                           // RFC 9420 §7.9
 * </pre>
 *
 * The parent hash of a parent node P with copath child S is the hash of this struct, built from
 * P's key, P's own {@code parent_hash} field, and the tree hash of S with P's unmerged leaves
 * blanked.
 */
record ParentHashInput(Bytes encryptionKey, Bytes parentHash, Bytes originalSiblingTreeHash) implements Encodable {
    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(encryptionKey).opaque(parentHash).opaque(originalSiblingTreeHash);
    }
}
