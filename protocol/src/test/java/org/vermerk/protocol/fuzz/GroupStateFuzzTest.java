package org.vermerk.protocol.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.group.GroupConfig;
import org.vermerk.protocol.group.GroupStateCodec;

/**
 * Fuzzes loading a stored group state ({@link GroupStateCodec#decode}, ADR 0009): edits to the
 * pinned version-1 state ({@code groupstate/v1/state.hex}) either load or fail with the engine's
 * own {@link MlsException}, within {@link FuzzBudget}; no length or count in a state makes the
 * engine allocate beyond the input (the secret tree's leaf count, for one, must be the ratchet
 * tree's before its arrays exist).
 */
class GroupStateFuzzTest {
    private static final byte[] STATE = pinnedState();
    private static final GroupConfig CONFIG =
            GroupConfig.defaults().withClock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));

    private static byte[] pinnedState() {
        try (InputStream in = GroupStateFuzzTest.class.getResourceAsStream("/groupstate/v1/state.hex")) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(byte[] state) throws MlsException {
        GroupStateCodec.decode(state, CONFIG);
    }

    @Test
    void theUnmutatedStateLoadsSoThatTheFuzzerStartsFromAValidOne() throws MlsException {
        load(STATE);
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void mutatedPinnedStateLoadsOrFailsWithMlsException(FuzzedDataProvider data) {
        byte[] state = Mutations.apply(STATE, data);
        FuzzBudget.check(state.length, () -> load(state));
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "60s")
    void arbitraryBytesAsAStateFailWithMlsException(byte[] input) {
        FuzzBudget.check(input.length, () -> load(input));
    }
}
