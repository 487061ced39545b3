package org.vermerk.app.policy;

/**
 * The rules a policy file must keep. Each has a stable identifier ({@code POLICY-3}) that appears in
 * the message an administrator sees, in docs/admin/policy.md and in the test that proves the rule.
 */
public enum PolicyRule {
    INVALID_JSON("POLICY-1", "the file must be one JSON object in UTF-8, without duplicate keys"),
    UNREADABLE("POLICY-2", "the file must be readable and at most 1 MiB"),
    UNKNOWN_KEY("POLICY-3", "every key must be one the policy defines"),
    WRONG_TYPE("POLICY-4", "every value must have the key's JSON type"),
    OUT_OF_RANGE("POLICY-5", "numbers, lengths and counts must lie within the key's range"),
    NOT_ALLOWED("POLICY-6", "the value must be one the key allows"),
    MALFORMED_URL("POLICY-7", "URLs must be absolute and use a scheme the key allows"),
    BAD_CERTIFICATE("POLICY-8", "pinned CA certificates must be PEM-encoded X.509 certificates"),
    UNKNOWN_CIPHER_SUITE("POLICY-9", "the cipher suite must be 1 or 2, by number or by RFC 9420 name"),
    LOCKED_UNKNOWN_KEY("POLICY-10", "locked may name only keys the policy defines, each once"),
    LOCKED_WITHOUT_VALUE("POLICY-11", "a key without a default must have a value when it is locked"),
    MISSING_FIELD("POLICY-12", "an object value must have the fields its mode requires");

    private final String id;
    private final String description;

    PolicyRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The stable identifier, e.g. {@code POLICY-3}. */
    public String id() {
        return id;
    }

    /** What the rule demands, in the words of docs/admin/policy.md. */
    public String description() {
        return description;
    }
}
