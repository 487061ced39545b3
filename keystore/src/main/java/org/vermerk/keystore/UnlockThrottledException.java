package org.vermerk.keystore;

import java.time.Duration;

/**
 * Too many wrong passphrases in a row: the store refuses to try again (and to spend the Argon2id
 * work) until {@link #retryAfter()} has passed. Nothing was checked; the next attempt after the
 * wait is a normal one.
 */
public final class UnlockThrottledException extends KeystoreException {
    private final Duration retryAfter;

    public UnlockThrottledException(Duration retryAfter) {
        super("too many wrong passphrases; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
