package org.vermerk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vermerk.ui.testing.MutableClock;
import org.vermerk.ui.testing.SameThreadExecutor;

class IdleLockTest {
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
    private int locks;

    @Test
    void locksAfterTheLimitWithoutInputAndInputPostponesIt() {
        IdleLock idle = new IdleLock(executor, clock, Duration.ofMinutes(15), () -> locks++);
        idle.start();
        assertThat(executor.scheduled())
                .extracting(SameThreadExecutor.Scheduled::delay)
                .containsExactly(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(10));
        idle.activity();
        clock.advance(Duration.ofMinutes(5));
        executor.runScheduled();
        assertThat(locks).as("input 5 minutes ago").isZero();
        assertThat(executor.scheduled())
                .extracting(SameThreadExecutor.Scheduled::delay)
                .containsExactly(Duration.ofMinutes(10));

        clock.advance(Duration.ofMinutes(10));
        executor.runScheduled();
        assertThat(locks).isEqualTo(1);
        assertThat(executor.scheduled()).isEmpty();
        idle.activity();
        assertThat(executor.scheduled())
                .as("input after the lock starts nothing")
                .isEmpty();
    }

    @Test
    void zeroMinutesNeverLocksAndStopCancels() {
        IdleLock never = new IdleLock(executor, clock, Duration.ZERO, () -> locks++);
        never.start();
        assertThat(executor.scheduled()).isEmpty();

        IdleLock idle = new IdleLock(executor, clock, Duration.ofMinutes(1), () -> locks++);
        idle.start();
        idle.stop();
        assertThat(executor.scheduled()).isEmpty();
        assertThat(locks).isZero();
    }
}
