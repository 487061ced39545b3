package org.vermerk.protocol.codec;

import org.vermerk.protocol.ValidationRule;

/** Rules of the TLS presentation language as RFC 9420 §2.1 profiles it. */
public enum CodecRule implements ValidationRule {
    TRUNCATED("CODEC-1", "the input ends before the value it announces (§2.1)"),
    NON_MINIMAL_LENGTH("CODEC-2", "a variable-length header must use the shortest encoding (§2.1.2)"),
    INVALID_LENGTH_PREFIX("CODEC-3", "the two-bit prefix 0b11 is not a valid length header (§2.1.2)"),
    LENGTH_BEYOND_INPUT("CODEC-4", "a vector's length must not exceed the bytes that follow (§2.1.2)"),
    TRAILING_BYTES("CODEC-5", "a structure must consume its whole encoding"),
    INVALID_VALUE("CODEC-6", "a field holds a value its type does not allow (§2.1)");

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
