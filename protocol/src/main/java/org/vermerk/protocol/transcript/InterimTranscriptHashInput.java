package org.vermerk.protocol.transcript;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * What a commit adds to the interim transcript hash (encoding only):
 *
 * <pre>
 * struct {
 *     MAC confirmation_tag;               // opaque &lt;V&gt;
 * } InterimTranscriptHashInput;           // RFC 9420 §8.2
 * </pre>
 */
public record InterimTranscriptHashInput(Bytes confirmationTag) implements Encodable {
    @Override
    public void encode(TlsWriter writer) {
        writer.opaque(confirmationTag);
    }
}
