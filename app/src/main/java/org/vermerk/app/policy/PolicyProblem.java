package org.vermerk.app.policy;

import java.util.Objects;

/**
 * One thing wrong with a policy file.
 *
 * @param key where the problem is: a top-level key ({@code idleLockMinutes}), a field of one
 *     ({@code proxy.port}) or an element ({@code pinnedCaCertificates[1]}); {@code null} when it
 *     concerns the file as a whole (unreadable, not JSON)
 * @param rule the rule that was broken
 * @param detail what is wrong, in words an administrator can act on
 */
public record PolicyProblem(String key, PolicyRule rule, String detail) {
    public PolicyProblem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code key: detail (POLICY-n)}, or {@code detail (POLICY-n)} for the file as a whole. */
    @Override
    public String toString() {
        return (key == null ? "" : key + ": ") + detail + " (" + rule.id() + ")";
    }
}
