package org.vermerk.app.mlspeer;

import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.tree.RatchetTreeNodes;

/** The binary values of the peer protocol: RFC 9420 TLS presentation encoding, as lowercase hex. */
final class PeerCodec {
    private PeerCodec() {}

    static String hex(Encodable value) {
        return Bytes.of(value.encoded()).hex();
    }

    /** A whole MLSMessage; trailing bytes are an error. */
    static MlsMessage message(Bytes encoded) throws MlsException {
        TlsReader reader = new TlsReader(encoded.toByteArray());
        MlsMessage message = MlsMessage.decode(reader);
        reader.finish();
        return message;
    }

    /** An MLSMessage carrying a KeyPackage ({@code mls_key_package}), or a bare KeyPackage. */
    static KeyPackage keyPackage(Bytes encoded) throws MlsException {
        Exception asMessage = null;
        try {
            if (message(encoded) instanceof MlsMessage.OfKeyPackage(KeyPackage keyPackage)) {
                return keyPackage;
            }
        } catch (MlsException | RuntimeException e) {
            asMessage = e; // perhaps a bare KeyPackage
        }
        try {
            TlsReader reader = new TlsReader(encoded.toByteArray());
            KeyPackage keyPackage = KeyPackage.decode(reader);
            reader.finish();
            return keyPackage;
        } catch (MlsException e) {
            if (asMessage != null) {
                e.addSuppressed(asMessage);
            }
            throw e;
        }
    }

    /** The bare {@code optional<Node> ratchet_tree<V>} (the extension_data of a ratchet_tree extension). */
    static RatchetTreeNodes ratchetTree(Bytes encoded) throws MlsException {
        TlsReader reader = new TlsReader(encoded.toByteArray());
        RatchetTreeNodes tree = RatchetTreeNodes.decode(reader);
        reader.finish();
        return tree;
    }
}
