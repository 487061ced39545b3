package org.vermerk.protocol.wire;

import org.vermerk.protocol.ValidationRule;

/** Rules the delivery service applies when it reads the header of an {@code MLSMessage}. */
public enum WireRule implements ValidationRule {
    UNSUPPORTED_VERSION("WIRE-1", "an MLSMessage must carry protocol version mls10 = 1 (RFC 9420 §6)"),
    UNKNOWN_WIRE_FORMAT("WIRE-2", "the wire format must be one of RFC 9420 §6's five (§17.2)"),
    UNKNOWN_CONTENT_TYPE("WIRE-3", "content_type must be application, proposal or commit (§6)"),
    UNKNOWN_SENDER_TYPE(
            "WIRE-4", "sender_type must be member, external, new_member_proposal or new_member_commit (§6)"),
    EPOCH_OUT_OF_RANGE("WIRE-5", "an epoch beyond 2^63 - 1 is not accepted");

    private final String id;
    private final String description;

    WireRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }
}
