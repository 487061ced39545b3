package org.vermerk.app.records.verify;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a package.
 *
 * @param rule the rule broken
 * @param file the file concerned, empty when the problem is not one file's
 * @param detail what exactly
 */
public record Problem(VerifyRule rule, String file, String detail) {
    public Problem {
        requireNonNull(rule, "rule");
        requireNonNull(file, "file");
        requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return rule.id() + (file.isEmpty() ? "" : " " + file) + ": " + detail;
    }
}
