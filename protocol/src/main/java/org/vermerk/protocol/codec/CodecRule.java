package org.vermerk.protocol.codec;

import org.vermerk.protocol.ValidationRule;

/** Rules of the TLS presentation language as RFC 9420 §2.1 profiles it. */
public enum CodecRule implements ValidationRule {
    TRUNCATED("CODEC-1", "the input ends before the value it announces (§2.1)"),
    NON_MINIMAL_LENGTH("CODEC-2", "a variable-length header must use the shortest encoding (§2.1.2)"),
    INVALID_LENGTH_PREFIX("CODEC-3", "the two-bit prefix 0b11 is not a valid length header (§2.1.2)"),
    LENGTH_BEYOND_INPUT("CODEC-4", "a vector's length must not exceed the bytes that follow (§2.1.2)"),
    TRAILING_BYTES("CODEC-5", "a structure must consume its whole encoding"),
    INVALID_VALUE("CODEC-6", "a field holds a value its type does not allow (§2.1)"),
    UNKNOWN_ENUM_VALUE(
            "CODEC-7",
            "an enumerated field (wire format, content type, sender type, leaf node source, node type, PSK type,"
                    + " ...) must hold a value its enum defines (§6, §7.2, §8.4, §12.4.3.3)"),
    UNKNOWN_CREDENTIAL_TYPE(
            "CODEC-8", "a credential of an unknown type has no length framing and cannot be skipped (§5.3)"),
    UNKNOWN_PROPOSAL_TYPE(
            "CODEC-9", "a proposal of an unknown type has no length framing and cannot be skipped (§12.1)"),
    UNSUPPORTED_VERSION("CODEC-10", "an MLSMessage must be of version mls10, the only one whose format is known (§6)"),
    NONZERO_PADDING("CODEC-11", "the padding of a PrivateMessageContent must be all zero bytes (§6.3.1)");

    private final String id;
    private final String description;

    CodecRule(String id, String description) {
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
