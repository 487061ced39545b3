package org.vermerk.ui.core;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * All background work of the client goes through here: blocking engine calls (Argon2id, network,
 * store) run off the UI thread, and their results come back on it. The product's implementation
 * is {@link FxTaskExecutor} over {@code javafx.concurrent.Task}; ViewModel tests use one that
 * runs everything on the calling thread, so they need no toolkit.
 *
 * <p>Contract: {@code onSuccess} and {@code onFailure} run on the UI thread, exactly one of them,
 * and not after {@link #shutdown()}; so do {@link #runOnUiThread} and {@link #schedule} actions.
 */
public interface TaskExecutor {
    /** Work that may block. */
    @FunctionalInterface
    interface Work<T> {
        T call() throws Exception;
    }

    /** A handle to stop a scheduled action or ignore a job's result. Idempotent. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    <T> Cancellable submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread: from engine callbacks that arrive on other threads. */
    void runOnUiThread(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable action);

    /** Stops the background threads; pending results are dropped. */
    void shutdown();
}
