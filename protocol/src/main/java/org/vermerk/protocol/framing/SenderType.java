package org.vermerk.protocol.framing;

import org.vermerk.protocol.codec.WireEnum;

/** {@code enum { reserved(0), member(1), external(2), new_member_proposal(3), new_member_commit(4), (255) } SenderType;} (RFC 9420 §6). */
public enum SenderType implements WireEnum {
    MEMBER(1),
    EXTERNAL(2),
    NEW_MEMBER_PROPOSAL(3),
    NEW_MEMBER_COMMIT(4);

    private final int value;

    SenderType(int value) {
        this.value = value;
    }

    @Override
    public int value() {
        return value;
    }
}
