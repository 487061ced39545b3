package org.vermerk.protocol.schedule;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.extension.Extension;

/**
 * <pre>
 * struct {
 *     ProtocolVersion version = mls10;   // uint16, 1
 *     CipherSuite cipher_suite;          // uint16
 *     opaque group_id&lt;V&gt;;
 *     uint64 epoch;
 *     opaque tree_hash&lt;V&gt;;
 *     opaque confirmed_transcript_hash&lt;V&gt;;
 *     Extension extensions&lt;V&gt;;
 * } GroupContext;                       // RFC 9420 §8.1
 * </pre>
 */
public record GroupContext(
        int version,
        int cipherSuite,
        Bytes groupId,
        long epoch,
        Bytes treeHash,
        Bytes confirmedTranscriptHash,
        List<Extension> extensions)
        implements Encodable {
    /** {@code mls10}, the only protocol version (§6). */
    public static final int MLS10 = 1;

    public GroupContext {
        extensions = List.copyOf(extensions);
    }

    public static GroupContext decode(TlsReader reader) throws DecodeException {
        return new GroupContext(
                reader.u16(),
                reader.u16(),
                reader.opaqueBytes(),
                reader.u64(),
                reader.opaqueBytes(),
                reader.opaqueBytes(),
                Extension.decodeList(reader));
    }

    @Override
    public void encode(TlsWriter writer) {
        writer.u16(version)
                .u16(cipherSuite)
                .opaque(groupId)
                .u64(epoch)
                .opaque(treeHash)
                .opaque(confirmedTranscriptHash)
                .vectorOf(extensions);
    }
}
