package org.vermerk.keystore.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts wrong passphrases in a row, persisted in a small file beside the store so that restarting
 * the application does not reset it. After {@value #FREE_ATTEMPTS} free attempts each further
 * failure doubles the wait, from 5 seconds up to 15 minutes; a successful unlock resets it.
 *
 * <p>This slows down guessing through the application only. Against someone who copies the files,
 * the protection is Argon2id, whose cost every guess pays anyway.
 */
public final class UnlockThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(UnlockThrottle.class);
    static final int FREE_ATTEMPTS = 3;
    private static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final Path file;
    private final Clock clock;

    public UnlockThrottle(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public record State(int failures, Instant lastFailure) {}

    public static Duration delayAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** The time left before the next attempt is allowed; zero when it is allowed now. */
    public Duration remainingWait() {
        State state = read();
        Instant allowedAt = state.lastFailure().plus(delayAfter(state.failures()));
        Duration remaining = Duration.between(clock.instant(), allowedAt);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** Records a failure and returns the new state. */
    public State recordFailure() throws IOException {
        State state = new State(read().failures() + 1, clock.instant());
        PrivateFiles.writeAtomically(
                file,
                (state.failures() + "\n" + state.lastFailure().toEpochMilli() + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
        return state;
    }

    public void reset() throws IOException {
        if (Files.deleteIfExists(file)) {
            PrivateFiles.forceDirectory(file.getParent());
        }
    }

    public State read() {
        try {
            if (!Files.exists(file)) {
                return new State(0, Instant.EPOCH);
            }
            String[] lines = Files.readString(file, StandardCharsets.US_ASCII).split("\n");
            return new State(Integer.parseInt(lines[0].trim()), Instant.ofEpochMilli(Long.parseLong(lines[1].trim())));
        } catch (IOException | RuntimeException e) {
            // A damaged counter must not lock the user out for ever, nor be a way around the wait.
            LOG.warn("unlock attempt counter unreadable; treating as {} failures", FREE_ATTEMPTS);
            return new State(FREE_ATTEMPTS, clock.instant());
        }
    }
}
