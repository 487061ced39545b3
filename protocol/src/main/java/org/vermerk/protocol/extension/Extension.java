package org.vermerk.protocol.extension;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;

/**
 * <pre>
 * struct {
 *     ExtensionType extension_type;   // uint16
 *     opaque extension_data&lt;V&gt;;
 * } Extension;                        // RFC 9420 §7.2, §13.4
 * </pre>
 *
 * Extensions of any type, known or not (including GREASE values, §13.5), are kept as they came
 * and re-encoded unchanged; their data is interpreted only where the engine needs it.
 */
public record Extension(int type, Bytes data) implements Encodable {
    public static Extension decode(TlsReader reader) throws DecodeException {
        return new Extension(reader.u16(), reader.opaqueBytes());
    }

    /** {@code Extension extensions<V>}. */
    public static List<Extension> decodeList(TlsReader reader) throws DecodeException {
        return List.copyOf(reader.vector(Extension::decode));
    }

    /**
     * Whether a type is one of the GREASE values {@code 0x0A0A, 0x1A1A, ..., 0xEAEA} (§13.5), which
     * receivers handle like any unknown value.
     */
    public static boolean isGrease(int type) {
        return (type & 0x0F0F) == 0x0A0A && (type >> 12) == ((type >> 4) & 0x0F) && type <= 0xEAEA;
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.u16(type).opaque(data);
    }
}
