package org.vermerk.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Malformed input is rejected by the reader with the rule it breaks, and a hostile length never
 * makes the reader allocate more than the input holds.
 */
class TlsReaderTest {
    private static TlsReader reader(String hex) {
        return new TlsReader(HexFormat.of().parseHex(hex));
    }

    private static void assertRejected(ThrowingCallable read, CodecRule rule) {
        assertThatThrownBy(read)
                .isInstanceOfSatisfying(
                        DecodeException.class, e -> assertThat(e.rule()).isEqualTo(rule))
                .hasMessageStartingWith(rule.id() + ":");
    }

    @Test
    void integersCutShortAreTruncated() {
        assertRejected(() -> reader("").u8(), CodecRule.TRUNCATED);
        assertRejected(() -> reader("01").u16(), CodecRule.TRUNCATED);
        assertRejected(() -> reader("010203").u32(), CodecRule.TRUNCATED);
        assertRejected(() -> reader("01020304050607").u64(), CodecRule.TRUNCATED);
    }

    @Test
    void integersAreReadBigEndianAndUnsigned() throws DecodeException {
        TlsReader reader = reader("ff" + "fffe" + "fffffffd" + "fffffffffffffffc");
        assertThat(reader.u8()).isEqualTo(0xff);
        assertThat(reader.u16()).isEqualTo(0xfffe);
        assertThat(reader.u32()).isEqualTo(0xfffffffdL);
        assertThat(reader.u64()).isEqualTo(0xfffffffffffffffcL);
        assertThat(reader.hasRemaining()).isFalse();
    }

    @Test
    void fixedSizeFieldCutShortIsTruncated() {
        assertRejected(() -> reader("010203").raw(4), CodecRule.TRUNCATED);
    }

    @Test
    void vectorLongerThanTheRestOfTheInputIsRejected() {
        assertRejected(() -> reader("050102").opaque(), CodecRule.LENGTH_BEYOND_INPUT);
    }

    @Test
    void largestLengthOnAFiveByteInputFailsWithoutAllocatingIt() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(
                threads instanceof com.sun.management.ThreadMXBean mx && mx.isThreadAllocatedMemorySupported(),
                "this JVM cannot measure a thread's allocations");
        var mx = (com.sun.management.ThreadMXBean) threads;
        byte[] input = HexFormat.of().parseHex("bfffffff00"); // announces 2^30 - 1 bytes, holds 1

        long before = mx.getCurrentThreadAllocatedBytes();
        assertRejected(() -> new TlsReader(input).opaque(), CodecRule.LENGTH_BEYOND_INPUT);
        assertRejected(() -> new TlsReader(input).vector(TlsReader::u8), CodecRule.LENGTH_BEYOND_INPUT);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;

        // The exceptions and their stack traces cost a few kilobytes; the announced vector 1 GiB.
        assertThat(allocated).isLessThan(256 * 1024);
    }

    @Test
    void elementsCannotReadPastTheEndOfTheirVector() {
        // A vector of 3 bytes holding uint16 elements: the second element would need one byte
        // beyond the vector, although the input itself has more bytes after it.
        assertRejected(() -> reader("03000100020000").vector(TlsReader::u16), CodecRule.TRUNCATED);
    }

    @Test
    void vectorOfElementsReadsUntilItsBytesAreUsedUp() throws DecodeException {
        TlsReader reader = reader("04000100020a");
        assertThat(reader.vector(TlsReader::u16)).isEqualTo(List.of(1, 2));
        assertThat(reader.u8()).isEqualTo(0x0a);
    }

    @Test
    void bytesLeftAfterAStructureAreRejected() {
        Decoder<Integer> oneUint16 = TlsReader::u16;
        assertRejected(() -> oneUint16.decodeAll(HexFormat.of().parseHex("000100")), CodecRule.TRAILING_BYTES);
    }

    @Test
    void presenceByteOtherThanZeroOrOneIsInvalid() {
        assertRejected(() -> reader("0200").optional(TlsReader::u8), CodecRule.INVALID_VALUE);
    }

    @Test
    void absentOptionalIsNullAndPresentOptionalHoldsItsValue() throws DecodeException {
        TlsReader reader = reader("00" + "0107");
        assertThat(reader.optional(TlsReader::u8)).isNull();
        assertThat(reader.optional(TlsReader::u8)).isEqualTo(7);
    }

    @Test
    void booleanOtherThanZeroOrOneIsInvalid() {
        assertRejected(() -> reader("02").bool(), CodecRule.INVALID_VALUE);
    }

    @Test
    void uint32AboveTheIntRangeIsRejectedWhereAnIntIsExpected() {
        assertRejected(() -> reader("80000000").u32AsInt(), CodecRule.INVALID_VALUE);
    }
}
