package org.vermerk.protocol.tree;

import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.crypto.HpkeCiphertext;

/**
 * The encoding of {@link HpkeCiphertext} (RFC 9420 §7.6):
 *
 * <pre>
 * struct {
 *     opaque kem_output&lt;V&gt;;
 *     opaque ciphertext&lt;V&gt;;
 * } HPKECiphertext;
 * </pre>
 *
 * Kept beside the structs that carry it, so the crypto provider's value type stays free of the
 * wire format.
 */
public final class HpkeCiphertextCodec {
    private HpkeCiphertextCodec() {}

    public static HpkeCiphertext decode(TlsReader reader) throws DecodeException {
        return new HpkeCiphertext(reader.opaqueBytes(), reader.opaqueBytes());
    }

    public static void encode(TlsWriter writer, HpkeCiphertext ciphertext) {
        writer.opaque(ciphertext.kemOutput()).opaque(ciphertext.ciphertext());
    }
}
