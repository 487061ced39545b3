package org.vermerk.protocol.codec;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes the TLS presentation language as RFC 9420 §2.1 profiles it: fixed-width big-endian
 * integers, vectors with a variable-length header (§2.1.2), and {@code optional<T>} as a presence
 * byte. A writer is not thread-safe; it grows as needed.
 */
public final class TlsWriter {
    private byte[] buffer;
    private int size;

    public TlsWriter() {
        this(64);
    }

    public TlsWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            byte[] old = buffer;
            buffer = Arrays.copyOf(old, Math.max(old.length * 2, size + extra));
            Arrays.fill(old, (byte) 0); // it may hold secrets (a stored group state)
        }
    }

    public TlsWriter u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public TlsWriter u16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public TlsWriter u32(long value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public TlsWriter u64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** Bytes as they are, without a length header (fixed-size fields). */
    public TlsWriter raw(byte[] bytes) {
        return raw(bytes, 0, bytes.length);
    }

    public TlsWriter raw(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    public TlsWriter raw(Bytes bytes) {
        bytes.writeTo(this);
        return this;
    }

    /** {@code opaque data<V>}: a length header, then the bytes. */
    public TlsWriter opaque(byte[] bytes) {
        Varint.write(this, bytes.length);
        return raw(bytes);
    }

    public TlsWriter opaque(Bytes bytes) {
        Varint.write(this, bytes.size());
        return raw(bytes);
    }

    /** A vector whose content {@code body} writes; its length header is filled in afterwards. */
    public TlsWriter vector(Consumer<TlsWriter> body) {
        TlsWriter inner = new TlsWriter();
        body.accept(inner);
        Varint.write(this, inner.size);
        raw(inner.buffer, 0, inner.size);
        inner.wipe();
        return this;
    }

    /** {@code T items<V>}: each item encoded in turn inside one length header. */
    public <T> TlsWriter vector(Collection<? extends T> items, BiConsumer<TlsWriter, ? super T> element) {
        return vector(inner -> {
            for (T item : items) {
                element.accept(inner, item);
            }
        });
    }

    public TlsWriter vectorOf(Collection<? extends Encodable> items) {
        return vector(items, (inner, item) -> item.encode(inner));
    }

    public TlsWriter write(Encodable value) {
        value.encode(this);
        return this;
    }

    /** {@code optional<T>}: a presence byte, then the value when present. */
    public <T> TlsWriter optional(T value, BiConsumer<TlsWriter, ? super T> element) {
        if (value == null) {
            return u8(0);
        }
        u8(1);
        element.accept(this, value);
        return this;
    }

    /** {@code optional<T>} from a Java {@link Optional}. */
    public <T> TlsWriter optionalOf(Optional<T> value, BiConsumer<TlsWriter, ? super T> element) {
        return optional(value.orElse(null), element);
    }

    public TlsWriter optional(Encodable value) {
        return optional(value, (w, v) -> v.encode(w));
    }

    public TlsWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    /** Overwrites what was written with zeros and empties the writer, once secrets were written and copied out. */
    public void wipe() {
        Arrays.fill(buffer, (byte) 0);
        size = 0;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public Bytes toBytes() {
        return Bytes.wrap(toByteArray());
    }
}
