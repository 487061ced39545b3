package org.vermerk.app.account;

import java.time.Duration;

/**
 * The passphrase does not open the account. {@link #failedAttempts()} counts the wrong ones in a
 * row; {@link #nextAttemptDelay()} is how long the store makes the user wait before the next try
 * (zero for the first few).
 */
public final class PassphraseRejectedException extends AccountException {
    private final int failedAttempts;
    private final Duration nextAttemptDelay;

    public PassphraseRejectedException(int failedAttempts, Duration nextAttemptDelay, Throwable cause) {
        super("wrong passphrase (" + failedAttempts + " failed attempts in a row)", cause);
        this.failedAttempts = failedAttempts;
        this.nextAttemptDelay = nextAttemptDelay;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Duration nextAttemptDelay() {
        return nextAttemptDelay;
    }
}
