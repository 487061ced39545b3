package org.vermerk.protocol.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of public bytes (identifiers, public keys, encoded structures). The array
 * is copied on the way in and on the way out, so no caller can change a value another holds.
 * Secrets use {@link org.vermerk.protocol.crypto.Secret} instead, which never prints.
 */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] value;

    private Bytes(byte[] owned) {
        this.value = owned;
    }

    public static Bytes of(byte[] value) {
        return value.length == 0 ? EMPTY : new Bytes(value.clone());
    }

    /** Takes ownership of an array the caller will never touch again (decoders, encoders). */
    static Bytes wrap(byte[] owned) {
        return owned.length == 0 ? EMPTY : new Bytes(owned);
    }

    public static Bytes fromHex(String hex) {
        return wrap(HEX.parseHex(hex));
    }

    public byte[] toByteArray() {
        return value.clone();
    }

    public int size() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public byte get(int index) {
        return value[index];
    }

    public String hex() {
        return HEX.formatHex(value);
    }

    /** Writes the bytes into a writer without an intermediate copy. */
    void writeTo(TlsWriter writer) {
        writer.raw(value, 0, value.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return value.length <= 64 ? hex() : hex().substring(0, 128) + "…(" + value.length + " bytes)";
    }
}
