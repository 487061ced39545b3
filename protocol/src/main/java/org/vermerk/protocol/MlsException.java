package org.vermerk.protocol;

/**
 * The root of the engine's checked errors. Each subtype is one failure a caller must handle;
 * each instance names the {@link ValidationRule} that was broken. Messages never contain key
 * material or plaintext.
 */
public abstract class MlsException extends Exception {
    private final transient ValidationRule rule;

    protected MlsException(ValidationRule rule, String detail) {
        super(rule.id() + ": " + detail);
        this.rule = rule;
    }

    protected MlsException(ValidationRule rule, String detail, Throwable cause) {
        super(rule.id() + ": " + detail, cause);
        this.rule = rule;
    }

    /** The rule this error reports a violation of. */
    public ValidationRule rule() {
        return rule;
    }
}
