package org.vermerk.protocol.crypto;

import java.nio.charset.StandardCharsets;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     opaque label&lt;V&gt;;      // the label as given, e.g. "MLS 1.0 KeyPackage Reference"
 *     opaque value&lt;V&gt;;
 * } RefHashInput;              // RFC 9420 §5.2
 * </pre>
 */
record RefHashInput(String label, Bytes value) implements Encodable {
    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(label.getBytes(StandardCharsets.UTF_8)).opaque(value);
    }
}
