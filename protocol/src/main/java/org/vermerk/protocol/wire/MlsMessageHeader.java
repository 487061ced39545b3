package org.vermerk.protocol.wire;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsReader;

/**
 * What a delivery service may read of an {@code MLSMessage} without any key: the header fields
 * that order and route it. Everything after them (signatures, ciphertext, proposals) is left
 * undecoded and is not checked here.
 *
 * <pre>
 * struct {                                  // RFC 9420 §6
 *     ProtocolVersion version = mls10;      // uint16
 *     WireFormat wire_format;               // uint16
 *     select (MLSMessage.wire_format) { ... };
 * } MLSMessage;
 *
 * struct {                                  // §6.2 PublicMessage starts with FramedContent (§6)
 *     opaque group_id&lt;V&gt;;
 *     uint64 epoch;
 *     Sender sender;                        // uint8 sender_type, then uint32 leaf_index
 *                                           // (member) or sender_index (external)
 *     opaque authenticated_data&lt;V&gt;;
 *     ContentType content_type;             // uint8
 *     ...
 * } FramedContent;
 *
 * struct {                                  // §6.3
 *     opaque group_id&lt;V&gt;;
 *     uint64 epoch;
 *     ContentType content_type;
 *     ...
 * } PrivateMessage;
 * </pre>
 *
 * For a Welcome (§12.4.3.1) and a KeyPackage (§10) the header also yields the cipher suite,
 * which both carry near their start.
 *
 * @param groupId empty for Welcome, GroupInfo and KeyPackage
 * @param epoch the epoch of a Public- or PrivateMessage
 * @param contentType the content type of a Public- or PrivateMessage
 * @param senderType only for a PublicMessage (a PrivateMessage encrypts its sender)
 * @param senderIndex the leaf index (member) or sender index (external) of a PublicMessage
 * @param cipherSuite the cipher suite of a Welcome or KeyPackage
 */
public record MlsMessageHeader(
        int version,
        WireFormat wireFormat,
        Optional<Bytes> groupId,
        OptionalLong epoch,
        Optional<ContentType> contentType,
        Optional<SenderType> senderType,
        OptionalLong senderIndex,
        OptionalInt cipherSuite) {

    /** {@code mls10}, the only protocol version RFC 9420 defines. */
    public static final int MLS10 = 1;

    /** Reads the header of the encoded {@code MLSMessage}; the rest is not decoded. */
    public static MlsMessageHeader read(byte[] mlsMessage) throws DecodeException {
        TlsReader reader = new TlsReader(mlsMessage);
        int version = reader.u16();
        if (version != MLS10) {
            throw new DecodeException(WireRule.UNSUPPORTED_VERSION, "version " + version);
        }
        WireFormat format = WireFormat.of(reader.u16());
        return switch (format) {
            case PUBLIC_MESSAGE -> readPublic(reader);
            case PRIVATE_MESSAGE -> readPrivate(reader);
            case WELCOME -> withSuite(format, reader.u16());
            case KEY_PACKAGE -> {
                int keyPackageVersion = reader.u16();
                if (keyPackageVersion != MLS10) {
                    throw new DecodeException(WireRule.UNSUPPORTED_VERSION, "key package version " + keyPackageVersion);
                }
                yield withSuite(format, reader.u16());
            }
            case GROUP_INFO ->
                new MlsMessageHeader(
                        version,
                        format,
                        Optional.empty(),
                        OptionalLong.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        OptionalLong.empty(),
                        OptionalInt.empty());
        };
    }

    private static MlsMessageHeader readPublic(TlsReader reader) throws DecodeException {
        Bytes groupId = reader.opaqueBytes();
        long epoch = epoch(reader);
        SenderType senderType = SenderType.of(reader.u8());
        OptionalLong senderIndex = switch (senderType) {
            case MEMBER, EXTERNAL -> OptionalLong.of(reader.u32());
            case NEW_MEMBER_PROPOSAL, NEW_MEMBER_COMMIT -> OptionalLong.empty();
        };
        reader.vector(); // authenticated_data: skipped, never read
        ContentType contentType = ContentType.of(reader.u8());
        return new MlsMessageHeader(
                MLS10,
                WireFormat.PUBLIC_MESSAGE,
                Optional.of(groupId),
                OptionalLong.of(epoch),
                Optional.of(contentType),
                Optional.of(senderType),
                senderIndex,
                OptionalInt.empty());
    }

    private static MlsMessageHeader readPrivate(TlsReader reader) throws DecodeException {
        Bytes groupId = reader.opaqueBytes();
        long epoch = epoch(reader);
        ContentType contentType = ContentType.of(reader.u8());
        return new MlsMessageHeader(
                MLS10,
                WireFormat.PRIVATE_MESSAGE,
                Optional.of(groupId),
                OptionalLong.of(epoch),
                Optional.of(contentType),
                Optional.empty(),
                OptionalLong.empty(),
                OptionalInt.empty());
    }

    private static long epoch(TlsReader reader) throws DecodeException {
        long epoch = reader.u64();
        if (epoch < 0) {
            throw new DecodeException(WireRule.EPOCH_OUT_OF_RANGE, "epoch beyond 2^63 - 1");
        }
        return epoch;
    }

    private static MlsMessageHeader withSuite(WireFormat format, int suite) {
        return new MlsMessageHeader(
                MLS10,
                format,
                Optional.empty(),
                OptionalLong.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                OptionalInt.of(suite));
    }

    /** True for a Public- or PrivateMessage, which belong to a group's log. */
    public boolean isGroupMessage() {
        return wireFormat == WireFormat.PUBLIC_MESSAGE || wireFormat == WireFormat.PRIVATE_MESSAGE;
    }
}
