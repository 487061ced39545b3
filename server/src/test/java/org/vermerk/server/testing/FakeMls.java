package org.vermerk.server.testing;

import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.wire.ContentType;

/**
 * Opaque stand-ins for MLS messages: correct RFC 9420 §6 headers (all the server reads) followed
 * by arbitrary bytes where ciphertext would be.
 */
public final class FakeMls {
    private FakeMls() {}

    public static Bytes privateMessage(Bytes groupId, long epoch, ContentType type, byte[] body) {
        return new TlsWriter()
                .u16(1)
                .u16(2)
                .opaque(groupId)
                .u64(epoch)
                .u8(type.value())
                .opaque(new byte[0])
                .opaque(new byte[] {1, 2, 3})
                .opaque(body)
                .toBytes();
    }

    public static Bytes commit(Bytes groupId, long epoch, String body) {
        return privateMessage(groupId, epoch, ContentType.COMMIT, body.getBytes());
    }

    public static Bytes application(Bytes groupId, long epoch, String body) {
        return privateMessage(groupId, epoch, ContentType.APPLICATION, body.getBytes());
    }

    public static Bytes welcome(String body) {
        return new TlsWriter().u16(1).u16(3).u16(1).opaque(body.getBytes()).toBytes();
    }

    public static Bytes keyPackage(String body) {
        return new TlsWriter()
                .u16(1)
                .u16(5)
                .u16(1)
                .u16(1)
                .opaque(body.getBytes())
                .toBytes();
    }
}
