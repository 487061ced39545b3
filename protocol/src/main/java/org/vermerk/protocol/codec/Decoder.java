package org.vermerk.protocol.codec;

/** Reads one value of type {@code T} from a reader, or fails with a {@link DecodeException}. */
@FunctionalInterface
public interface Decoder<T> {
    T decode(TlsReader reader) throws DecodeException;

    /** Decodes a whole byte string as one value; trailing bytes are an error (CODEC-5). */
    default T decodeAll(byte[] data) throws DecodeException {
        TlsReader reader = new TlsReader(data);
        T value = decode(reader);
        reader.finish();
        return value;
    }
}
