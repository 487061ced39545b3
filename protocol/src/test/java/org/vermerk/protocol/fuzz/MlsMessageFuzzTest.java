package org.vermerk.protocol.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.framing.MlsMessage;

/**
 * Fuzzes the MLSMessage decoder (RFC 9420 §6) with all five wire formats: arbitrary bytes either
 * decode to a message whose encoding is exactly the input, or fail with the engine's own {@link
 * org.vermerk.protocol.codec.DecodeException}, within the allocation budget of {@link FuzzBudget}.
 * The corpus holds one message of each wire format from the official {@code messages.json} vectors
 * and malformed variants; see docs/fuzzing.md for a long run.
 */
class MlsMessageFuzzTest {
    private static final Decoder<MlsMessage> DECODER = MlsMessage::decode;

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void decodesToAnIdenticalReEncodingOrFailsWithDecodeException(byte[] input) {
        FuzzBudget.check(input.length, () -> {
            MlsMessage message = DECODER.decodeAll(input);
            if (!Arrays.equals(message.encoded(), input)) {
                throw new AssertionError("re-encoding of a " + message.wireFormat() + " differs from the input");
            }
        });
    }
}
