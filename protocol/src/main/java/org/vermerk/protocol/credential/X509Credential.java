package org.vermerk.protocol.credential;

import java.util.List;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * {@code case x509: Certificate certificates<V>;} (RFC 9420 §5.3): a certificate chain, the
 * end-entity certificate first. The certificates are kept as bytes; parsing and path validation
 * belong to the Authentication Service.
 */
public record X509Credential(List<Certificate> certificates) implements Credential {
    public X509Credential {
        certificates = List.copyOf(certificates);
    }

    static X509Credential decodeBody(TlsReader reader) throws DecodeException {
        return new X509Credential(reader.vector(Certificate::decode));
    }

    @Override
    public int credentialType() {
        return CredentialType.X509;
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.u16(CredentialType.X509).vectorOf(certificates);
    }
}
