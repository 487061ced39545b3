package org.vermerk.protocol.messages;

import java.util.Arrays;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.Secret;

/** {@code opaque secret<V>} read into and written from a {@link Secret}, wiping the copies it makes. */
final class SecretField {
    private SecretField() {}

    static Secret read(TlsReader reader) throws DecodeException {
        return Secret.wrap(reader.opaque());
    }

    static void write(TlsWriter writer, Secret secret) {
        byte[] value = secret.expose();
        try {
            writer.opaque(value);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }
}
