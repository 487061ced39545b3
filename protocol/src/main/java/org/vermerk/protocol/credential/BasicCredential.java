package org.vermerk.protocol.credential;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * {@code case basic: opaque identity<V>;} (RFC 9420 §5.3): a bare assertion of an identity whose
 * format the application defines (Vermerk: a user ID such as {@code anna.schmidt@bmi.example}).
 */
public record BasicCredential(Bytes identity) implements Credential {
    static BasicCredential decodeBody(TlsReader reader) throws DecodeException {
        return new BasicCredential(reader.opaqueBytes());
    }

    @Override
    public int credentialType() {
        return CredentialType.BASIC;
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.u16(CredentialType.BASIC).opaque(identity);
    }
}
