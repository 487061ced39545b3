package org.vermerk.protocol.wire;

import org.vermerk.protocol.codec.DecodeException;

/** {@code ContentType} of RFC 9420 §6, encoded as {@code uint8}. */
public enum ContentType {
    APPLICATION(1),
    PROPOSAL(2),
    COMMIT(3);

    private final int value;

    ContentType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    static ContentType of(int value) throws DecodeException {
        for (ContentType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        throw new DecodeException(WireRule.UNKNOWN_CONTENT_TYPE, "content type " + value);
    }
}
