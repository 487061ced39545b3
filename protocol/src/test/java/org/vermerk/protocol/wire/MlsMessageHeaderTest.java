package org.vermerk.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.Bytes;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.TlsWriter;
import org.vermerk.protocol.kat.TestVectors;

/**
 * Reads MLSMessage headers (RFC 9420 §6) from the official {@code messages.json} vectors, whose
 * fields {@code public_message_*}, {@code private_message}, {@code mls_welcome}, {@code
 * mls_group_info} and {@code mls_key_package} are encoded MLSMessages, and from messages built
 * here with known field values, including malformed ones.
 */
class MlsMessageHeaderTest {

    @TestFactory
    Stream<DynamicTest> everyVectorMessageYieldsItsWireFormatAndContentType() {
        return TestVectors.entries("messages.json", entry -> null, entry -> {
            assertHeader(TestVectors.hex(entry, "public_message_application"), WireFormat.PUBLIC_MESSAGE);
            assertThat(header(entry, "public_message_application").contentType())
                    .contains(ContentType.APPLICATION);
            assertThat(header(entry, "public_message_proposal").contentType()).contains(ContentType.PROPOSAL);
            assertThat(header(entry, "public_message_commit").contentType()).contains(ContentType.COMMIT);
            assertHeader(TestVectors.hex(entry, "private_message"), WireFormat.PRIVATE_MESSAGE);
            assertHeader(TestVectors.hex(entry, "mls_welcome"), WireFormat.WELCOME);
            assertHeader(TestVectors.hex(entry, "mls_group_info"), WireFormat.GROUP_INFO);
            assertHeader(TestVectors.hex(entry, "mls_key_package"), WireFormat.KEY_PACKAGE);
        });
    }

    private static MlsMessageHeader header(com.fasterxml.jackson.databind.JsonNode entry, String field)
            throws DecodeException {
        return MlsMessageHeader.read(TestVectors.hex(entry, field));
    }

    private static void assertHeader(byte[] message, WireFormat expected) throws DecodeException {
        MlsMessageHeader header = MlsMessageHeader.read(message);
        assertThat(header.wireFormat()).isEqualTo(expected);
        assertThat(header.isGroupMessage())
                .isEqualTo(expected == WireFormat.PUBLIC_MESSAGE || expected == WireFormat.PRIVATE_MESSAGE);
        assertThat(header.groupId().isPresent()).isEqualTo(header.isGroupMessage());
        assertThat(header.epoch().isPresent()).isEqualTo(header.isGroupMessage());
    }

    @Test
    void aPublicCommitFromAMemberYieldsGroupEpochSenderLeafAndContentType() throws DecodeException {
        byte[] message = new TlsWriter()
                .u16(1)
                .u16(1)
                .opaque(new byte[] {7, 8, 9})
                .u64(42)
                .u8(1) // sender_type member
                .u32(5) // leaf_index
                .opaque(new byte[] {1, 2}) // authenticated_data
                .u8(3) // commit
                .raw(new byte[] {0x55, 0x55}) // the rest is not read
                .toByteArray();

        MlsMessageHeader header = MlsMessageHeader.read(message);

        assertThat(header.groupId()).contains(Bytes.of(new byte[] {7, 8, 9}));
        assertThat(header.epoch()).hasValue(42);
        assertThat(header.senderType()).contains(SenderType.MEMBER);
        assertThat(header.senderIndex()).hasValue(5);
        assertThat(header.contentType()).contains(ContentType.COMMIT);
    }

    @Test
    void aPrivateMessageYieldsGroupEpochAndContentTypeButNoSender() throws DecodeException {
        byte[] message = new TlsWriter()
                .u16(1)
                .u16(2)
                .opaque(new byte[] {1})
                .u64(3)
                .u8(1)
                .opaque(new byte[] {9, 9})
                .toByteArray();

        MlsMessageHeader header = MlsMessageHeader.read(message);

        assertThat(header.epoch()).hasValue(3);
        assertThat(header.contentType()).contains(ContentType.APPLICATION);
        assertThat(header.senderType()).isEmpty();
    }

    @Test
    void aKeyPackageYieldsItsCipherSuite() throws DecodeException {
        byte[] message = new TlsWriter().u16(1).u16(5).u16(1).u16(2).toByteArray();

        assertThat(MlsMessageHeader.read(message).cipherSuite()).hasValue(2);
    }

    @Test
    void anUnknownVersionIsRefused() {
        byte[] message = new TlsWriter().u16(2).u16(1).toByteArray();

        assertThatThrownBy(() -> MlsMessageHeader.read(message))
                .isInstanceOfSatisfying(
                        DecodeException.class, e -> assertThat(e.rule()).isEqualTo(WireRule.UNSUPPORTED_VERSION));
    }

    @Test
    void anUnknownWireFormatIsRefused() {
        byte[] message = new TlsWriter().u16(1).u16(6).toByteArray();

        assertThatThrownBy(() -> MlsMessageHeader.read(message))
                .isInstanceOfSatisfying(
                        DecodeException.class, e -> assertThat(e.rule()).isEqualTo(WireRule.UNKNOWN_WIRE_FORMAT));
    }

    @Test
    void anUnknownContentTypeIsRefused() {
        byte[] message = new TlsWriter()
                .u16(1)
                .u16(2)
                .opaque(new byte[] {1})
                .u64(0)
                .u8(4)
                .toByteArray();

        assertThatThrownBy(() -> MlsMessageHeader.read(message))
                .isInstanceOfSatisfying(
                        DecodeException.class, e -> assertThat(e.rule()).isEqualTo(WireRule.UNKNOWN_CONTENT_TYPE));
    }

    @Test
    void aGroupIdLongerThanTheInputIsRefusedBeforeAllocating() {
        byte[] message =
                new TlsWriter().u16(1).u16(2).u8(0x80).u8(0x10).u8(0).u8(0).toByteArray();

        assertThatThrownBy(() -> MlsMessageHeader.read(message))
                .isInstanceOfSatisfying(
                        DecodeException.class, e -> assertThat(e.rule()).isEqualTo(CodecRule.LENGTH_BEYOND_INPUT));
    }

    @Test
    void aTruncatedEpochIsRefused() {
        byte[] message =
                new TlsWriter().u16(1).u16(2).opaque(new byte[] {1}).u16(0).toByteArray();

        assertThatThrownBy(() -> MlsMessageHeader.read(message))
                .isInstanceOfSatisfying(
                        DecodeException.class, e -> assertThat(e.rule()).isEqualTo(CodecRule.TRUNCATED));
    }
}
