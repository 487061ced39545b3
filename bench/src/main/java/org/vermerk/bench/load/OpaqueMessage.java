package org.vermerk.bench.load;

import java.nio.ByteBuffer;
import java.util.Random;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.wire.ContentType;

/**
 * Stand-ins for MLS messages, as the server sees them: a correct RFC 9420 §6 header (version,
 * wire format, and for a PrivateMessage group_id, epoch and content_type, which is all the server
 * reads) followed by random bytes of a realistic size where the ciphertext would be. An
 * application message carries, in its last 16 bytes, the driver's intended send time
 * ({@link System#nanoTime()}) and a message number, so the receiver can measure the latency.
 */
final class OpaqueMessage {
    /** Sender data ciphertext of RFC 9420 §6.3.2: leaf index, generation, reuse guard (12 bytes) plus a 16-byte tag. */
    private static final int ENCRYPTED_SENDER_DATA_BYTES = 28;

    static final int STAMP_BYTES = 16;

    private OpaqueMessage() {}

    /** A template PrivateMessage of about {@code totalBytes} bytes, to be stamped per send. */
    static byte[] applicationTemplate(Bytes groupId, long epoch, int totalBytes, Random random) {
        int ciphertext = Math.max(STAMP_BYTES, totalBytes - 64);
        byte[] first = privateMessage(groupId, epoch, ContentType.APPLICATION, ciphertext, random);
        ciphertext = Math.max(STAMP_BYTES, ciphertext + totalBytes - first.length);
        return privateMessage(groupId, epoch, ContentType.APPLICATION, ciphertext, random);
    }

    /** A stand-in commit (its size does not matter for the load: one per group, at set-up). */
    static Bytes commit(Bytes groupId, long epoch, Random random) {
        return Bytes.of(privateMessage(groupId, epoch, ContentType.COMMIT, 1024, random));
    }

    /** A stand-in Welcome: MLSMessage header with wire format mls_welcome (3), a cipher suite, opaque rest. */
    static Bytes welcome(Random random) {
        byte[] body = new byte[1024];
        random.nextBytes(body);
        return new TlsWriter().u16(1).u16(3).u16(1).opaque(body).toBytes();
    }

    private static byte[] privateMessage(
            Bytes groupId, long epoch, ContentType type, int ciphertextBytes, Random random) {
        byte[] senderData = new byte[ENCRYPTED_SENDER_DATA_BYTES];
        random.nextBytes(senderData);
        byte[] ciphertext = new byte[ciphertextBytes];
        random.nextBytes(ciphertext);
        return new TlsWriter()
                .u16(1) // mls10
                .u16(2) // mls_private_message
                .opaque(groupId)
                .u64(epoch)
                .u8(type.value())
                .opaque(new byte[0]) // authenticated_data
                .opaque(senderData)
                .opaque(ciphertext)
                .toBytes()
                .toByteArray();
    }

    /** A copy of the template with the stamp in its last 16 bytes. */
    static Bytes stamped(byte[] template, long intendedNanos, long messageNumber) {
        byte[] message = template.clone();
        ByteBuffer.wrap(message, message.length - STAMP_BYTES, STAMP_BYTES)
                .putLong(intendedNanos)
                .putLong(messageNumber);
        return Bytes.of(message);
    }

    /** The intended send time stamped into a received application message. */
    static long intendedNanos(byte[] message) {
        return ByteBuffer.wrap(message, message.length - STAMP_BYTES, 8).getLong();
    }
}
