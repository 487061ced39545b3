package org.vermerk.protocol.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.framing.MlsMessage;
import org.vermerk.protocol.kat.TestVectors;
import org.vermerk.protocol.tree.RatchetTreeNodes;

/**
 * Damaged copies of the {@code messages.json} structs: whatever the damage, decoding ends either
 * in a value or in a {@link DecodeException}, never in another exception; a cut-off struct fails
 * because the input ends. The damage is seeded, so a failure repeats.
 */
class MalformedMessagesTest {
    private static final int ENTRIES = 10;

    private record Sample(String field, Decoder<?> decoder) {}

    private static final List<Sample> SAMPLES = List.of(
            new Sample("mls_welcome", MlsMessage::decode),
            new Sample("mls_group_info", MlsMessage::decode),
            new Sample("mls_key_package", MlsMessage::decode),
            new Sample("public_message_proposal", MlsMessage::decode),
            new Sample("public_message_commit", MlsMessage::decode),
            new Sample("private_message", MlsMessage::decode),
            new Sample("ratchet_tree", RatchetTreeNodes::decode),
            new Sample("group_secrets", GroupSecrets::decode),
            new Sample("commit", Commit::decode),
            new Sample("re_init_proposal", ReInit::decode),
            new Sample("pre_shared_key_proposal", PreSharedKey::decode));

    @Test
    void everyCutOffStructFailsBecauseTheInputEnds() {
        JsonNode vectors = TestVectors.load("messages.json");
        for (int e = 0; e < ENTRIES; e++) {
            for (Sample sample : SAMPLES) {
                byte[] encoded = TestVectors.hex(vectors.get(e), sample.field());
                for (int length = 0; length < encoded.length; length++) {
                    byte[] cut = Arrays.copyOf(encoded, length);
                    DecodeException failure = decodeFailure(sample, cut);
                    assertThat(failure)
                            .as("%s #%d cut to %d bytes", sample.field(), e, length)
                            .isNotNull();
                    assertThat(failure.rule())
                            .as("%s #%d cut to %d bytes", sample.field(), e, length)
                            .isIn(CodecRule.TRUNCATED, CodecRule.LENGTH_BEYOND_INPUT);
                }
            }
        }
    }

    @Test
    void corruptedBytesDecodeOrFailWithADecodeException() {
        JsonNode vectors = TestVectors.load("messages.json");
        Random random = new Random(9420);
        for (int e = 0; e < ENTRIES; e++) {
            for (Sample sample : SAMPLES) {
                byte[] encoded = TestVectors.hex(vectors.get(e), sample.field());
                for (int round = 0; round < 200; round++) {
                    byte[] damaged = encoded.clone();
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    decodeFailure(sample, damaged); // any other exception fails the test
                }
            }
        }
    }

    /** The decode error, or null when the bytes decoded. */
    private static DecodeException decodeFailure(Sample sample, byte[] input) {
        try {
            sample.decoder().decodeAll(input);
            return null;
        } catch (DecodeException e) {
            return e;
        }
    }
}
