package org.vermerk.app.testing;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.wire.ContentType;

/**
 * Stand-ins for MLS messages until the group logic lands: a correct RFC 9420 §6 PrivateMessage
 * header (all the server reads) followed by arbitrary bytes where the ciphertext would be.
 */
public final class FakeMls {
    private FakeMls() {}

    public static Bytes privateMessage(Bytes groupId, long epoch, ContentType type, String body) {
        return new TlsWriter()
                .u16(1) // mls10
                .u16(2) // mls_private_message
                .opaque(groupId)
                .u64(epoch)
                .u8(type.value())
                .opaque(new byte[0]) // authenticated_data
                .opaque(new byte[] {1, 2, 3}) // encrypted_sender_data
                .opaque(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)) // "ciphertext"
                .toBytes();
    }

    public static Bytes welcome(String body) {
        return new TlsWriter()
                .u16(1)
                .u16(3) // mls_welcome
                .u16(1) // cipher suite
                .opaque(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toBytes();
    }

    /** The "ciphertext" of a message made by {@link #privateMessage}. */
    public static String body(Bytes message) {
        try {
            var reader = new org.vermerk.protocol.codec.TlsReader(message.toByteArray());
            reader.u16();
            reader.u16();
            reader.opaque();
            reader.u64();
            reader.u8();
            reader.opaque();
            reader.opaque();
            return new String(reader.opaque(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (org.vermerk.protocol.codec.DecodeException e) {
            throw new AssertionError(e);
        }
    }
}
