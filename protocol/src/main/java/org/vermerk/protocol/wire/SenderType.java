package org.vermerk.protocol.wire;

import org.vermerk.protocol.codec.DecodeException;

/** {@code SenderType} of RFC 9420 §6, encoded as {@code uint8}. */
public enum SenderType {
    MEMBER(1),
    EXTERNAL(2),
    NEW_MEMBER_PROPOSAL(3),
    NEW_MEMBER_COMMIT(4);

    private final int value;

    SenderType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    static SenderType of(int value) throws DecodeException {
        for (SenderType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        throw new DecodeException(WireRule.UNKNOWN_SENDER_TYPE, "sender type " + value);
    }
}
