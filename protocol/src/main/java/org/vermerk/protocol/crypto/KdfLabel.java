package org.vermerk.protocol.crypto;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     uint16 length;
 *     opaque label&lt;V&gt;;      // "MLS 1.0 " + Label
 *     opaque context&lt;V&gt;;
 * } KDFLabel;                  // RFC 9420 §8
 * </pre>
 */
record KdfLabel(int length, String label, Bytes context) implements Encodable {
    @Override
    public void encode(TlsWriter writer) {
        writer.u16(length).opaque(LabeledCrypto.mlsLabel(label)).opaque(context);
    }
}
