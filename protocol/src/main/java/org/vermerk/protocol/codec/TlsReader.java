package org.vermerk.protocol.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the TLS presentation language as RFC 9420 §2.1 profiles it. Every length is checked
 * against the bytes actually present before anything is allocated (CODEC-4), so a hostile length
 * prefix can never make the reader allocate more than the input's size. A reader is not
 * thread-safe.
 */
public final class TlsReader {
    private final byte[] data;
    private final int end;
    private int position;

    public TlsReader(byte[] data) {
        this(data, 0, data.length);
    }

    private TlsReader(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    public int remaining() {
        return end - position;
    }

    public boolean hasRemaining() {
        return position < end;
    }

    private void need(int count) throws DecodeException {
        if (count > end - position) {
            throw new DecodeException(CodecRule.TRUNCATED, "needed " + count + " bytes, " + (end - position) + " left");
        }
    }

    public int u8() throws DecodeException {
        need(1);
        return data[position++] & 0xff;
    }

    public int u16() throws DecodeException {
        need(2);
        int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    public long u32() throws DecodeException {
        need(4);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (data[position++] & 0xff);
        }
        return value;
    }

    public long u64() throws DecodeException {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position++] & 0xff);
        }
        return value;
    }

    /** {@code uint32} that must fit a Java int (indices, counts). */
    public int u32AsInt() throws DecodeException {
        long value = u32();
        if (value > Integer.MAX_VALUE) {
            throw new DecodeException(CodecRule.INVALID_VALUE, "uint32 " + value + " out of range");
        }
        return (int) value;
    }

    public boolean bool() throws DecodeException {
        int value = u8();
        if (value > 1) {
            throw new DecodeException(CodecRule.INVALID_VALUE, "boolean byte " + value);
        }
        return value == 1;
    }

    /** A {@code uint8} enum value; values the enum does not define are rejected (CODEC-7). */
    public <E extends Enum<E> & WireEnum> E u8Enum(Class<E> type) throws DecodeException {
        return enumValue(type, u8());
    }

    /** A {@code uint16} enum value; values the enum does not define are rejected (CODEC-7). */
    public <E extends Enum<E> & WireEnum> E u16Enum(Class<E> type) throws DecodeException {
        return enumValue(type, u16());
    }

    private static <E extends Enum<E> & WireEnum> E enumValue(Class<E> type, int value) throws DecodeException {
        for (E constant : type.getEnumConstants()) {
            if (constant.value() == value) {
                return constant;
            }
        }
        throw new DecodeException(CodecRule.UNKNOWN_ENUM_VALUE, type.getSimpleName() + " " + value);
    }

    /** A fixed number of bytes without a header. */
    public byte[] raw(int count) throws DecodeException {
        need(count);
        byte[] out = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return out;
    }

    public Bytes rawBytes(int count) throws DecodeException {
        return Bytes.wrap(raw(count));
    }

    /** The length header of a vector, checked against the bytes that follow. */
    public int vectorLength() throws DecodeException {
        int length = Varint.read(this);
        if (length > remaining()) {
            throw new DecodeException(
                    CodecRule.LENGTH_BEYOND_INPUT, "vector of " + length + " bytes, " + remaining() + " left");
        }
        return length;
    }

    /** {@code opaque data<V>}. */
    public byte[] opaque() throws DecodeException {
        return raw(vectorLength());
    }

    public Bytes opaqueBytes() throws DecodeException {
        return Bytes.wrap(opaque());
    }

    /** A reader over the content of the next vector; this reader moves past it. */
    public TlsReader vector() throws DecodeException {
        int length = vectorLength();
        TlsReader inner = new TlsReader(data, position, position + length);
        position += length;
        return inner;
    }

    /** {@code T items<V>}: decodes elements until the vector's bytes are used up. */
    public <T> List<T> vector(Decoder<T> element) throws DecodeException {
        TlsReader inner = vector();
        List<T> items = new ArrayList<>();
        while (inner.hasRemaining()) {
            items.add(element.decode(inner));
        }
        return items;
    }

    /** {@code optional<T>}: null when absent. */
    public <T> T optional(Decoder<T> element) throws DecodeException {
        return bool() ? element.decode(this) : null;
    }

    /** {@code optional<T>} as a Java {@link Optional}. */
    public <T> Optional<T> optionalOf(Decoder<T> element) throws DecodeException {
        return Optional.ofNullable(optional(element));
    }

    public <T> T read(Decoder<T> decoder) throws DecodeException {
        return decoder.decode(this);
    }

    /** The reader's position, for callers that need the exact bytes a structure occupied. */
    public int position() {
        return position;
    }

    /** The bytes between {@code from} (an earlier {@link #position()}) and here. */
    public byte[] consumedSince(int from) {
        return Arrays.copyOfRange(data, from, position);
    }

    /** Fails unless every byte was read (CODEC-5). */
    public void finish() throws DecodeException {
        if (hasRemaining()) {
            throw new DecodeException(CodecRule.TRAILING_BYTES, remaining() + " bytes left over");
        }
    }
}
