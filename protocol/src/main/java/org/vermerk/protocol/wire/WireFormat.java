package org.vermerk.protocol.wire;

import org.vermerk.protocol.codec.DecodeException;

/**
 * {@code WireFormat} of RFC 9420 §6 (values from §17.2): which structure an {@code MLSMessage}
 * carries. Encoded as {@code uint16}.
 */
public enum WireFormat {
    PUBLIC_MESSAGE(1),
    PRIVATE_MESSAGE(2),
    WELCOME(3),
    GROUP_INFO(4),
    KEY_PACKAGE(5);

    private final int value;

    WireFormat(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    static WireFormat of(int value) throws DecodeException {
        for (WireFormat format : values()) {
            if (format.value == value) {
                return format;
            }
        }
        throw new DecodeException(WireRule.UNKNOWN_WIRE_FORMAT, "wire format " + value);
    }
}
