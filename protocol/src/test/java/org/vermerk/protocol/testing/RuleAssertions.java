package org.vermerk.protocol.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.vermerk.protocol.MlsException;
import org.vermerk.protocol.ValidationRule;

/** Assertions that a call breaks one specific validation rule. */
public final class RuleAssertions {
    private RuleAssertions() {}

    /** The call fails with an exception of {@code type} for exactly this rule, named first in the message. */
    public static void assertViolates(ThrowingCallable call, Class<? extends MlsException> type, ValidationRule rule) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(type, e -> assertThat(e.rule()).isEqualTo(rule))
                .hasMessageStartingWith(rule.id() + ":");
    }
}
