package org.vermerk.keystore;

import java.time.Duration;

/**
 * The passphrase (or other unlock secret) does not open the store. {@link #failedAttempts()} counts
 * the consecutive failures so far (persisted beside the store); {@link #nextAttemptDelay()} is the
 * wait the store will enforce before it tries again.
 */
public final class WrongPassphraseException extends KeystoreException {
    private final int failedAttempts;
    private final Duration nextAttemptDelay;

    public WrongPassphraseException(int failedAttempts, Duration nextAttemptDelay) {
        super("wrong passphrase (" + failedAttempts + " failed attempts in a row)");
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
