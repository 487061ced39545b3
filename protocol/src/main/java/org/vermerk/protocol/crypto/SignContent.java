package org.vermerk.protocol.crypto;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     opaque label&lt;V&gt;;      // "MLS 1.0 " + Label
 *     opaque content&lt;V&gt;;
 * } SignContent;               // RFC 9420 §5.1.2
 * </pre>
 */
record SignContent(String label, Bytes content) implements Encodable {
    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(LabeledCrypto.mlsLabel(label)).opaque(content);
    }
}
