package org.vermerk.protocol.codec;

/**
 * The variable-length integer of RFC 9420 §2.1.2, used as the length header of vectors: the two
 * most significant bits of the first byte give the header's size (00 one byte, 01 two, 10 four),
 * the rest the value in network byte order. The prefix 11 is invalid, and every value must use
 * the shortest header that holds it.
 */
public final class Varint {
    /** The largest value a header can carry: 2^30 - 1. */
    public static final int MAX_VALUE = (1 << 30) - 1;

    private Varint() {}

    public static int encodedSize(int value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("length out of range: " + value);
        }
        if (value < (1 << 6)) return 1;
        if (value < (1 << 14)) return 2;
        return 4;
    }

    static void write(TlsWriter writer, int value) {
        switch (encodedSize(value)) {
            case 1 -> writer.u8(value);
            case 2 -> writer.u16(0x4000 | value);
            default -> writer.u32(0x8000_0000L | value);
        }
    }

    static int read(TlsReader reader) throws DecodeException {
        int first = reader.u8();
        int prefix = first >>> 6;
        int value = first & 0x3f;
        int size;
        switch (prefix) {
            case 0 -> size = 1;
            case 1 -> size = 2;
            case 2 -> size = 4;
            default -> throw new DecodeException(CodecRule.INVALID_LENGTH_PREFIX, "length header starts with 0b11");
        }
        for (int i = 1; i < size; i++) {
            value = (value << 8) | reader.u8();
        }
        if (size > 1 && encodedSize(value) != size) {
            throw new DecodeException(
                    CodecRule.NON_MINIMAL_LENGTH, "length " + value + " encoded in " + size + " bytes");
        }
        return value;
    }
}
