package org.vermerk.protocol.messages;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *   CipherSuite cipher_suite;             // uint16
 *   EncryptedGroupSecrets secrets&lt;V&gt;;
 *   opaque encrypted_group_info&lt;V&gt;;
 * } Welcome;                              // RFC 9420 §12.4.3.1
 * </pre>
 */
public record Welcome(int cipherSuite, List<EncryptedGroupSecrets> secrets, Bytes encryptedGroupInfo)
        implements Encodable {
    public Welcome {
        secrets = List.copyOf(secrets);
    }

    public static Welcome decode(TlsReader reader) throws DecodeException {
        return new Welcome(reader.u16(), reader.vector(EncryptedGroupSecrets::decode), reader.opaqueBytes());
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.u16(cipherSuite).vectorOf(secrets).opaque(encryptedGroupInfo);
    }
}
