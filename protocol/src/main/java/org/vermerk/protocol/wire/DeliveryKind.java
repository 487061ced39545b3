package org.vermerk.protocol.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a {@code deliver} event carries. */
public enum DeliveryKind {
    /** A commit from the group's log; the receiver advances one epoch. */
    COMMIT("commit"),
    /** A proposal from the group's log. */
    PROPOSAL("proposal"),
    /** An application message from the group's log. */
    APPLICATION("application"),
    /** A Welcome for this device (RFC 9420 §12.4.3.1); not part of any log. */
    WELCOME("welcome");

    private final String wireName;

    DeliveryKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static DeliveryKind fromWireName(String name) {
        for (DeliveryKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown delivery kind " + name);
    }

    public static DeliveryKind of(ContentType type) {
        return switch (type) {
            case APPLICATION -> APPLICATION;
            case PROPOSAL -> PROPOSAL;
            case COMMIT -> COMMIT;
        };
    }
}
