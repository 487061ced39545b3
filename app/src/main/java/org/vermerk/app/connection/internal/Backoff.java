package org.vermerk.app.connection.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": before try {@code n} (n ≥ 1 failed tries so far) the
 * connection waits a random time in {@code [cap/2, cap]}, where {@code cap = min(max, initial ·
 * 2^(n-1))}. With the defaults (1 s, 60 s): 0.5–1 s, 1–2 s, 2–4 s, … and from the seventh try on
 * 30–60 s. The lower half keeps a fleet of clients from hammering a restarting server in step; the
 * upper bound keeps a returning server from waiting long for its clients. Not thread-safe: the
 * random generator is used under the caller's lock.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.random = random;
    }

    /** The largest wait before try {@code failures + 1}. */
    public Duration cap(int failures) {
        long cap = initialMillis;
        for (int i = 1; i < failures && cap < maxMillis; i++) {
            cap = Math.min(maxMillis, cap * 2);
        }
        return Duration.ofMillis(Math.min(cap, maxMillis));
    }

    /** The wait after {@code failures} failed tries (≥ 1). */
    public Duration delay(int failures) {
        long cap = cap(failures).toMillis();
        long half = cap / 2;
        return Duration.ofMillis(half + random.nextLong(cap - half + 1));
    }
}
