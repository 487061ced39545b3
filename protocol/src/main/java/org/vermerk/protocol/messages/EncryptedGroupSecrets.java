package org.vermerk.protocol.messages;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.HpkeCiphertext;
import org.vermerk.protocol.tree.HpkeCiphertextCodec;

/**
 * <pre>
 * struct {
 *   KeyPackageRef new_member;             // opaque HashReference&lt;V&gt;
 *   HPKECiphertext encrypted_group_secrets;
 * } EncryptedGroupSecrets;                // RFC 9420 §12.4.3.1
 * </pre>
 */
public record EncryptedGroupSecrets(Bytes newMember, HpkeCiphertext encryptedGroupSecrets) implements Encodable {
    public static EncryptedGroupSecrets decode(TlsReader reader) throws DecodeException {
        return new EncryptedGroupSecrets(reader.opaqueBytes(), HpkeCiphertextCodec.decode(reader));
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(newMember);
        HpkeCiphertextCodec.encode(writer, encryptedGroupSecrets);
    }
}
