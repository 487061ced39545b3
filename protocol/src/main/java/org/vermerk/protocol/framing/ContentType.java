package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.WireEnum;

/** {@code enum { reserved(0), application(1), proposal(2), commit(3), (255) } ContentType;} (RFC 9420 §6). */
public enum ContentType implements WireEnum {
    APPLICATION(1),
    PROPOSAL(2),
    COMMIT(3);

    private final int value;

    ContentType(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
