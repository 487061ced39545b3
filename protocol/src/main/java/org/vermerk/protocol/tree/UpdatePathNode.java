package org.vermerk.protocol.tree;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.HpkeCiphertext;

/**
 * <pre>
 * struct {
 *     HPKEPublicKey encryption_key;               // opaque &lt;V&gt;
 *     HPKECiphertext encrypted_path_secret&lt;V&gt;;
 * } UpdatePathNode;                               // RFC 9420 §7.6
 * </pre>
 *
 * One ciphertext for each node in the resolution of the corresponding copath node.
 */
public record UpdatePathNode(Bytes encryptionKey, List<HpkeCiphertext> encryptedPathSecret) implements Encodable {
    public UpdatePathNode {
        encryptedPathSecret = List.copyOf(encryptedPathSecret);
    }

    public static UpdatePathNode decode(TlsReader reader) throws DecodeException {
        return new UpdatePathNode(reader.opaqueBytes(), reader.vector(HpkeCiphertextCodec::decode));
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(encryptionKey).vector(encryptedPathSecret, HpkeCiphertextCodec::encode);
    }
}
