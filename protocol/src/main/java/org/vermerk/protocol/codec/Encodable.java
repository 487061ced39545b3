package org.vermerk.protocol.codec;

/** A structure with a TLS presentation language encoding (RFC 9420 §2.1). */
public interface Encodable {
    void encode(TlsWriter writer);

    /** The encoding of this structure alone. */
    default byte[] encoded() {
        TlsWriter writer = new TlsWriter();
        encode(writer);
        return writer.toByteArray();
    }
}
