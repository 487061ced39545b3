package org.vermerk.protocol.credential;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/** {@code struct { opaque cert_data<V>; } Certificate;} (RFC 9420 §5.3): one DER-encoded X.509 certificate. */
public record Certificate(Bytes certData) implements Encodable {
    public static Certificate decode(TlsReader reader) throws DecodeException {
        return new Certificate(reader.opaqueBytes());
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(certData);
    }
}
