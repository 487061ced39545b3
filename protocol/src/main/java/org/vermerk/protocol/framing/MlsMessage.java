package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.codec.TlsReader;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.keypackage.KeyPackage;
import org.vermerk.protocol.messages.GroupInfo;
import org.vermerk.protocol.messages.Welcome;

/**
 * <pre>
 * struct {
 *     ProtocolVersion version = mls10;
 *     WireFormat wire_format;
 *     select (MLSMessage.wire_format) {
 *         case mls_public_message:  PublicMessage public_message;
 *         case mls_private_message: PrivateMessage private_message;
 *         case mls_welcome:         Welcome welcome;
 *         case mls_group_info:      GroupInfo group_info;
 *         case mls_key_package:     KeyPackage key_package;
 *     };
 * } MLSMessage;                           // RFC 9420 §6
 * </pre>
 *
 * Everything that travels between clients, one variant per wire format. The version must be
 * {@code mls10}: the format of another version is unknown (CODEC-10); a wire format outside the
 * registry cannot be parsed (CODEC-7).
 */
public sealed interface MlsMessage extends Encodable {
    WireFormat wireFormat();

    /** The protocol version, always {@link ProtocolVersion#MLS10} for a decoded message. */
    default int version() {
        return ProtocolVersion.MLS10;
    }

    record OfPublicMessage(PublicMessage message) implements MlsMessage {
        @Override
        public WireFormat wireFormat() {
            return WireFormat.PUBLIC_MESSAGE;
        }
    }

    record OfPrivateMessage(PrivateMessage message) implements MlsMessage {
        @Override
        public WireFormat wireFormat() {
            return WireFormat.PRIVATE_MESSAGE;
        }
    }

    record OfWelcome(Welcome welcome) implements MlsMessage {
        @Override
        public WireFormat wireFormat() {
            return WireFormat.WELCOME;
        }
    }

    record OfGroupInfo(GroupInfo groupInfo) implements MlsMessage {
        @Override
        public WireFormat wireFormat() {
            return WireFormat.GROUP_INFO;
        }
    }

    record OfKeyPackage(KeyPackage keyPackage) implements MlsMessage {
        @Override
        public WireFormat wireFormat() {
            return WireFormat.KEY_PACKAGE;
        }
    }

    static MlsMessage decode(TlsReader reader) throws DecodeException {
        int version = reader.u16();
        if (version != ProtocolVersion.MLS10) {
            throw new DecodeException(CodecRule.UNSUPPORTED_VERSION, "protocol version " + version);
        }
        return switch (reader.u16Enum(WireFormat.class)) {
            case PUBLIC_MESSAGE -> new OfPublicMessage(PublicMessage.decode(reader));
            case PRIVATE_MESSAGE -> new OfPrivateMessage(PrivateMessage.decode(reader));
            case WELCOME -> new OfWelcome(Welcome.decode(reader));
            case GROUP_INFO -> new OfGroupInfo(GroupInfo.decode(reader));
            case KEY_PACKAGE -> new OfKeyPackage(KeyPackage.decode(reader));
        };
    }

    @Override
    default void encode(TlsWriter writer) {
        writer.u16(version()).u16(wireFormat().value());
        switch (this) {
            case OfPublicMessage(PublicMessage message) -> message.encode(writer);
            case OfPrivateMessage(PrivateMessage message) -> message.encode(writer);
            case OfWelcome(Welcome welcome) -> welcome.encode(writer);
            case OfGroupInfo(GroupInfo groupInfo) -> groupInfo.encode(writer);
            case OfKeyPackage(KeyPackage keyPackage) -> keyPackage.encode(writer);
        }
    }
}
