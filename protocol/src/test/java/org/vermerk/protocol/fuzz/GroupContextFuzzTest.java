package org.vermerk.protocol.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.vermerk.protocol.codec.DecodeException;
import org.vermerk.protocol.codec.Decoder;
import org.vermerk.protocol.schedule.GroupContext;

/**
 * Fuzzes the GroupContext decoder (RFC 9420 §8.1): arbitrary bytes either decode to a value whose
 * encoding is exactly the input, or fail with the engine's own {@link DecodeException}. In the
 * normal build this replays the corpus in {@code src/test/resources/.../GroupContextFuzzTestInputs};
 * a long run: {@code JAZZER_FUZZ=1 ./mvnw -pl protocol test -Dtest=GroupContextFuzzTest}.
 */
class GroupContextFuzzTest {
    private static final Decoder<GroupContext> DECODER = GroupContext::decode;

    @FuzzTest(maxDuration = "60s")
    void decodesToAnIdenticalReEncodingOrFailsWithDecodeException(byte[] input) {
        GroupContext context;
        try {
            context = DECODER.decodeAll(input);
        } catch (DecodeException expected) {
            return;
        }
        if (!Arrays.equals(context.encoded(), input)) {
            throw new AssertionError("re-encoding differs from the input");
        }
    }
}
