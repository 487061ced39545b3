package org.vermerk.keystore;

/** Where a message stands: own messages go PENDING → SENT → DELIVERED → READ (or FAILED). */
public enum DeliveryState {
    PENDING(0),
    SENT(1),
    DELIVERED(2),
    READ(3),
    FAILED(4),
    /** A message from someone else, received and stored. */
    RECEIVED(5);

    private final int code;

    DeliveryState(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static DeliveryState ofCode(int code) {
        for (DeliveryState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown delivery state " + code);
    }
}
