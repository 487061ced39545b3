package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.WireEnum;

/** {@code uint16 WireFormat} of the "MLS Wire Formats" registry (RFC 9420 §6, §17.2). Only the registered formats decode (CODEC-7): a message of another format cannot be parsed. */
public enum WireFormat implements WireEnum {
    PUBLIC_MESSAGE(1),
    PRIVATE_MESSAGE(2),
    WELCOME(3),
    GROUP_INFO(4),
    KEY_PACKAGE(5);

    private final int value;

    WireFormat(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
