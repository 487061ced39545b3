package org.vermerk.protocol.messages;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.extension.Extension;
import org.vermerk.protocol.schedule.GroupContext;
import org.vermerk.protocol.treemath.LeafIndex;

/**
 * <pre>
 * struct {
 *     GroupContext group_context;
 *     Extension extensions&lt;V&gt;;
 *     MAC confirmation_tag;               // opaque &lt;V&gt;
 *     uint32 signer;
 *     // SignWithLabel(., "GroupInfoTBS", GroupInfoTBS)
 *     opaque signature&lt;V&gt;;
 * } GroupInfo;                            // RFC 9420 §12.4.3
 * </pre>
 *
 * Decoded, not verified: the joiner checks the signature with the signer's leaf and the
 * confirmation tag against the key schedule. Unknown extensions are kept and re-encoded unchanged.
 */
public record GroupInfo(
        GroupContext groupContext, List<Extension> extensions, Bytes confirmationTag, LeafIndex signer, Bytes signature)
        implements Encodable {
    public GroupInfo {
        extensions = List.copyOf(extensions);
    }

    public static GroupInfo decode(TlsReader reader) throws DecodeException {
        return new GroupInfo(
                GroupContext.decode(reader),
                Extension.decodeList(reader),
                reader.opaqueBytes(),
                LeafIndex.decode(reader),
                reader.opaqueBytes());
    }

    @Override
    public void encode(TlsWriter writer) {
        writeSignedFields(writer);
        writer.opaque(signature);
    }

    private void writeSignedFields(TlsWriter writer) {
        writer.write(groupContext).vectorOf(extensions).opaque(confirmationTag);
        signer.encode(writer);
    }

    /**
     * The encoded {@code GroupInfoTBS} the signature covers: every field above it.
     *
     * <pre>
     * struct {
     *     GroupContext group_context;
     *     Extension extensions&lt;V&gt;;
     *     MAC confirmation_tag;
     *     uint32 signer;
     * } GroupInfoTBS;
     * </pre>
     */
    public Bytes toBeSigned() {
        TlsWriter writer = new TlsWriter();
        writeSignedFields(writer);
        return writer.toBytes();
    }
}
