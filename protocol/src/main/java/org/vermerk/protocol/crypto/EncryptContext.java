package org.vermerk.protocol.crypto;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     opaque label&lt;V&gt;;      // "MLS 1.0 " + Label
 *     opaque context&lt;V&gt;;
 * } EncryptContext;            // RFC 9420 §5.1.3, the HPKE info
 * </pre>
 */
record EncryptContext(String label, Bytes context) implements Encodable {
    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(LabeledCrypto.mlsLabel(label)).opaque(context);
    }
}
