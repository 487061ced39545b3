package org.vermerk.protocol.wire;

import java.util.List;
import org.vermerk.protocol.codec.Bytes;

/** Checks that frame records apply in their constructors; a failure becomes {@code invalid_request}. */
final class Fields {
    /** The longest request ID, user ID, device ID or client message ID accepted. */
    static final int MAX_ID_LENGTH = 256;

    private Fields() {}

    static String id(String value, String name) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    static String text(String value, String name, int maxLength) {
        if (value == null || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be present and at most " + maxLength + " characters");
        }
        return value;
    }

    static Bytes bytes(Bytes value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must be non-empty base64");
        }
        return value;
    }

    static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }

    static <T> List<T> list(List<T> value, String name) {
        if (value == null) {
            return List.of();
        }
        for (T element : value) {
            if (element == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
        }
        return List.copyOf(value);
    }
}
