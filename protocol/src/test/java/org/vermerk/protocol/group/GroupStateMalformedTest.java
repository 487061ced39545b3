package org.vermerk.protocol.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.vermerk.protocol.testing.DecodeAssertions.assertRejected;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vermerk.protocol.ValidationRule;
import org.vermerk.protocol.codec.CodecRule;
import org.vermerk.protocol.codec.DecodeException;

/**
 * Stored group states that are not what {@link GroupStateCodec#encode} wrote fail to load with a
 * {@link DecodeException} naming a rule, and never with anything else: every truncation of a real
 * state (Bernd's in {@link GroupStateScenario}, where every part holds something), a trailing
 * byte, another magic, an unknown version or cipher suite, and each byte of the state flipped in
 * turn (a flip inside a secret cannot be seen and loads; every other one is caught).
 */
class GroupStateMalformedTest {
    private static GroupConfig config;
    private static byte[] state;

    @BeforeAll
    static void storeBernd() throws Exception {
        GroupStateScenario scenario = new GroupStateScenario();
        config = scenario.bernd.config;
        state = GroupStateCodec.encode(scenario.bernd.group);
    }

    @Test
    void everyTruncationIsRejected() {
        for (int length = 0; length < state.length; length++) {
            byte[] truncated = Arrays.copyOf(state, length);
            try {
                GroupStateCodec.decode(truncated, config);
                fail("a state truncated to " + length + " of " + state.length + " bytes loaded");
            } catch (DecodeException e) {
                assertThat(e.rule())
                        .as("truncated to %d bytes", length)
                        .isIn(CodecRule.TRUNCATED, CodecRule.LENGTH_BEYOND_INPUT, CodecRule.INVALID_VALUE);
            }
        }
    }

    @Test
    void aTrailingByteIsRejected() {
        byte[] longer = Arrays.copyOf(state, state.length + 1);
        assertRejected(() -> GroupStateCodec.decode(longer, config), CodecRule.TRAILING_BYTES);
    }

    @Test
    void anUnknownVersionIsRejectedByNumber() {
        for (int version : new int[] {0, 2, 0xffff}) {
            byte[] other = state.clone();
            other[4] = (byte) (version >>> 8);
            other[5] = (byte) version;
            assertRejected(() -> GroupStateCodec.decode(other, config), GroupRule.STATE_FORMAT);
            assertThatThrownBy(() -> GroupStateCodec.decode(other, config))
                    .hasMessageEndingWith("unknown group state version " + version);
        }
    }

    @Test
    void anotherMagicIsRejected() {
        byte[] other = state.clone();
        other[0] = 'W';
        assertRejected(() -> GroupStateCodec.decode(other, config), GroupRule.STATE_FORMAT);
    }

    @Test
    void anUnknownCipherSuiteIsRejected() {
        byte[] other = state.clone();
        other[7] = 0x7f;
        assertRejected(() -> GroupStateCodec.decode(other, config), GroupRule.STATE_FORMAT);
    }

    @Test
    void aStateOfAnotherSuiteThanItsContextIsRejected() {
        byte[] other = state.clone();
        other[7] = 2; // suite 2 has the sizes of suite 1 (Nh, Nk, Nn): only the context tells
        assertRejected(() -> GroupStateCodec.decode(other, config), GroupRule.STATE_INCONSISTENT);
    }

    @Test
    void everyFlippedByteIsRejectedOrLoads() {
        Set<ValidationRule> seen = new HashSet<>();
        for (int i = 0; i < state.length; i++) {
            byte[] flipped = state.clone();
            flipped[i] ^= 0x01;
            try {
                GroupStateCodec.decode(flipped, config);
            } catch (DecodeException e) {
                seen.add(e.rule());
            }
        }
        assertThat(seen).contains(GroupRule.STATE_FORMAT, GroupRule.STATE_INCONSISTENT, CodecRule.INVALID_VALUE);
    }

    @Test
    void exceptionsDoNotQuoteTheState() {
        byte[] other = state.clone();
        other[5] = 9;
        assertThatThrownBy(() -> GroupStateCodec.decode(other, config))
                .hasMessage("GROUP-30: unknown group state version 9");
    }
}
