package org.vermerk.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.vermerk.ui.core.TaskExecutor;

/**
 * Locks the client after the admin policy's {@code idleLockMinutes} without keyboard or mouse
 * input (0: never). Input only records the time ({@link #activity()} is called for every event, so
 * it must be cheap); one timer checks when the limit could be reached and sets itself again when
 * there was input meanwhile. FX thread only.
 */
public final class IdleLock {
    private final TaskExecutor executor;
    private final Clock clock;
    private final Duration limit;
    private final Runnable lock;

    /** The last input; the running check, or null when stopped. */
    private Instant lastActivity;

    private TaskExecutor.Cancellable check;

    public IdleLock(TaskExecutor executor, Clock clock, Duration limit, Runnable lock) {
        this.executor = executor;
        this.clock = clock;
        this.limit = limit;
        this.lock = lock;
    }

    /** Starts counting from now; does nothing when the limit is zero. */
    public void start() {
        stop();
        if (limit.isZero() || limit.isNegative()) {
            return;
        }
        lastActivity = clock.instant();
        check = executor.schedule(limit, this::check);
    }

    /** The user did something. */
    public void activity() {
        if (check != null) {
            lastActivity = clock.instant();
        }
    }

    public void stop() {
        if (check != null) {
            check.cancel();
            check = null;
        }
    }

    private void check() {
        if (check == null) {
            return;
        }
        Duration idle = Duration.between(lastActivity, clock.instant());
        if (idle.compareTo(limit) >= 0) {
            check = null;
            lock.run();
        } else {
            check = executor.schedule(limit.minus(idle), this::check);
        }
    }
}
