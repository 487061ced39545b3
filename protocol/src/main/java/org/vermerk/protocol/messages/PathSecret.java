package org.vermerk.protocol.messages;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.Secret;

/**
 * {@code struct { opaque path_secret<V>; } PathSecret;} (RFC 9420 §12.4.3.1): the path secret of
 * the lowest node shared by the committer's and the new member's direct paths. It never prints.
 */
public record PathSecret(Secret pathSecret) implements Encodable {
    public static PathSecret decode(TlsReader reader) throws DecodeException {
        return new PathSecret(SecretField.read(reader));
    }

    @Override
    public void encode(TlsWriter writer) {
        SecretField.write(writer, pathSecret);
    }
}
