package org.vermerk.protocol.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.codec.Encodable;
import org.vermerk.protocol.framing.ContentType;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.framing.WireFormat;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.tree.RatchetTreeNodes;

/**
 * The official {@code messages.json} vectors: the syntax of every RFC 9420 wire struct.
 *
 * <p>Format: an array of objects, no cipher suite, each with hex-encoded fields: {@code
 * mls_welcome}, {@code mls_group_info}, {@code mls_key_package} (MLSMessages of that wire format),
 * {@code ratchet_tree} ({@code optional<Node> ratchet_tree<V>}), {@code group_secrets}, the seven
 * proposal bodies {@code add_proposal} ... {@code group_context_extensions_proposal} (the structs
 * {@code Add}, {@code Update}, ... without the proposal type), {@code commit}, and the MLSMessages
 * {@code public_message_application}, {@code public_message_proposal}, {@code
 * public_message_commit} and {@code private_message}. Signatures and MACs may be bogus.
 *
 * <p>Checks per entry and field: the bytes decode as the field's struct with no byte left over,
 * re-encode to the identical bytes, and the MLSMessages have the wire format (and public messages
 * the content type) that the field's name promises. Every field of the format must be present.
 */
class MessagesVectorTest {
    private record Field(Decoder<? extends Encodable> decoder, Consumer<Object> expectation) {}

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("mls_welcome", mlsMessage(WireFormat.WELCOME, null));
        FIELDS.put("mls_group_info", mlsMessage(WireFormat.GROUP_INFO, null));
        FIELDS.put("mls_key_package", mlsMessage(WireFormat.KEY_PACKAGE, null));
        FIELDS.put("ratchet_tree", struct(RatchetTreeNodes::decode));
        FIELDS.put("group_secrets", struct(GroupSecrets::decode));
        FIELDS.put("add_proposal", struct(Add::decode));
        FIELDS.put("update_proposal", struct(Update::decode));
        FIELDS.put("remove_proposal", struct(Remove::decode));
        FIELDS.put("pre_shared_key_proposal", struct(PreSharedKey::decode));
        FIELDS.put("re_init_proposal", struct(ReInit::decode));
        FIELDS.put("external_init_proposal", struct(ExternalInit::decode));
        FIELDS.put("group_context_extensions_proposal", struct(GroupContextExtensions::decode));
        FIELDS.put("commit", struct(Commit::decode));
        FIELDS.put("public_message_application", mlsMessage(WireFormat.PUBLIC_MESSAGE, ContentType.APPLICATION));
        FIELDS.put("public_message_proposal", mlsMessage(WireFormat.PUBLIC_MESSAGE, ContentType.PROPOSAL));
        FIELDS.put("public_message_commit", mlsMessage(WireFormat.PUBLIC_MESSAGE, ContentType.COMMIT));
        FIELDS.put("private_message", mlsMessage(WireFormat.PRIVATE_MESSAGE, null));
    }

    private static Field struct(Decoder<? extends Encodable> decoder) {
        return new Field(decoder, value -> {});
    }

    private static Field mlsMessage(WireFormat wireFormat, ContentType publicContentType) {
        return new Field(MlsMessage::decode, value -> {
            MlsMessage message = (MlsMessage) value;
            assertThat(message.wireFormat()).isEqualTo(wireFormat);
            if (message instanceof MlsMessage.OfPublicMessage(var publicMessage)) {
                assertThat(publicMessage.content().contentType()).isEqualTo(publicContentType);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyStructDecodesAndReEncodesByteForByte() {
        return TestVectors.entries("messages.json", entry -> null, entry -> {
            assertThat(fieldNames(entry)).containsExactlyInAnyOrderElementsOf(FIELDS.keySet());
            for (var field : FIELDS.entrySet()) {
                checkRoundTrip(field.getKey(), TestVectors.hex(entry, field.getKey()), field.getValue());
            }
        });
    }

    private static void checkRoundTrip(String name, byte[] encoded, Field field) {
        Encodable value;
        try {
            value = field.decoder().decodeAll(encoded);
        } catch (DecodeException e) {
            throw new AssertionError(name + " does not decode: " + e.getMessage(), e);
        }
        assertThat(TestVectors.toHex(value.encoded())).as("%s re-encoded", name).isEqualTo(TestVectors.toHex(encoded));
        field.expectation().accept(value);
    }

    private static Iterable<String> fieldNames(JsonNode entry) {
        return entry::fieldNames;
    }
}
