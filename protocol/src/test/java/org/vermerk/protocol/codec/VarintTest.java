package org.vermerk.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Malformed variable-length headers (RFC 9420 §2.1.2) are rejected with their own rule. */
class VarintTest {
    private static TlsReader reader(String hex) {
        return new TlsReader(HexFormat.of().parseHex(hex));
    }

    private static void assertRejected(String hex, CodecRule rule) {
        assertThatThrownBy(() -> Varint.read(reader(hex)))
                .isInstanceOfSatisfying(
                        DecodeException.class, e -> assertThat(e.rule()).isEqualTo(rule))
                .hasMessageStartingWith(rule.id() + ":");
    }

    @Test
    void twoByteHeaderForAOneByteValueIsNonMinimal() {
        assertRejected("4001", CodecRule.NON_MINIMAL_LENGTH);
        assertRejected("403f", CodecRule.NON_MINIMAL_LENGTH);
    }

    @Test
    void fourByteHeaderForASmallerValueIsNonMinimal() {
        assertRejected("80000001", CodecRule.NON_MINIMAL_LENGTH);
        assertRejected("80003fff", CodecRule.NON_MINIMAL_LENGTH);
    }

    @Test
    void smallestValuesOfEachSizeAreAccepted() throws DecodeException {
        assertThat(Varint.read(reader("4040"))).isEqualTo(64);
        assertThat(Varint.read(reader("80004000"))).isEqualTo(16384);
    }

    @Test
    void prefixElevenIsInvalid() {
        assertRejected("c0", CodecRule.INVALID_LENGTH_PREFIX);
        assertRejected("ffffffffffffffff", CodecRule.INVALID_LENGTH_PREFIX);
    }

    @Test
    void headerCutShortIsTruncated() {
        assertRejected("", CodecRule.TRUNCATED);
        assertRejected("40", CodecRule.TRUNCATED);
        assertRejected("800000", CodecRule.TRUNCATED);
    }

    @Test
    void writerRefusesLengthsAboveTheLargestHeader() {
        assertThatThrownBy(() -> Varint.encodedSize(Varint.MAX_VALUE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Varint.encodedSize(Varint.MAX_VALUE)).isEqualTo(4);
    }
}
