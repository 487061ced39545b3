package org.vermerk.app.account;

import java.time.Duration;

/** Too many wrong passphrases in a row: nothing was tried; the next try is possible after {@link #retryAfter()}. */
public final class UnlockDelayedException extends AccountException {
    private final Duration retryAfter;

    public UnlockDelayedException(Duration retryAfter, Throwable cause) {
        super("too many wrong passphrases; try again in " + retryAfter.toSeconds() + " s", cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
