package org.vermerk.protocol.messages;

import java.util.List;
import java.util.Optional;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.Secret;
import org.vermerk.protocol.schedule.PreSharedKeyId;

/**
 * <pre>
 * struct {
 *   opaque joiner_secret&lt;V&gt;;
 *   optional&lt;PathSecret&gt; path_secret;
 *   PreSharedKeyID psks&lt;V&gt;;
 * } GroupSecrets;                         // RFC 9420 §12.4.3.1
 * </pre>
 *
 * The plaintext of one {@link EncryptedGroupSecrets}. The joiner secret never prints; the caller
 * destroys it once the key schedule has used it.
 */
public record GroupSecrets(Secret joinerSecret, Optional<PathSecret> pathSecret, List<PreSharedKeyId> psks)
        implements Encodable {
    public GroupSecrets {
        psks = List.copyOf(psks);
    }

    public static GroupSecrets decode(TlsReader reader) throws DecodeException {
        return new GroupSecrets(
                SecretField.read(reader), reader.optionalOf(PathSecret::decode), reader.vector(PreSharedKeyId::decode));
    }

    @Override
    public void encode(TlsWriter writer) {
        SecretField.write(writer, joinerSecret);
        writer.optionalOf(pathSecret, TlsWriter::write).vectorOf(psks);
    }
}
