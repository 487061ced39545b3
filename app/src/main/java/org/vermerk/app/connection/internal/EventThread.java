package org.vermerk.app.connection.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that calls a connection's listener and completes its callers' futures, in the
 * order tasks were posted. {@link #stop()} fences it: once it returns, no listener task runs (a
 * task running on another thread is waited for; the event thread itself may stop it from inside
 * a task). Completions posted after the stop run on the posting thread, so no caller waits forever.
 */
final class EventThread {
    private static final Logger LOG = LoggerFactory.getLogger(EventThread.class);

    private final ExecutorService executor;

    /** Held while a task runs; {@link #stop()} takes it to wait for a running task. */
    private final Object running = new Object();

    private volatile boolean stopped;
    private volatile Thread thread;

    EventThread(String name) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = Thread.ofPlatform().name(name).daemon().unstarted(r);
            thread = t;
            return t;
        });
    }

    /** Runs {@code task} on the event thread unless stopped; listener calls go here. */
    void post(Runnable task) {
        submit(task, false);
    }

    /** Completes a future on the event thread, or right here once stopped. */
    void complete(Runnable completion) {
        if (stopped) {
            completion.run();
            return;
        }
        submit(completion, true);
    }

    private void submit(Runnable task, boolean runEvenIfStopped) {
        try {
            executor.execute(() -> {
                synchronized (running) {
                    if (stopped && !runEvenIfStopped) {
                        return;
                    }
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.warn("event=listener_failed error={}", e.toString());
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            if (runEvenIfStopped) {
                task.run();
            }
        }
    }

    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    void stop() {
        stopped = true;
        synchronized (running) {
            // waits for a task running on the event thread (re-entrant when called from it)
        }
        executor.shutdown();
    }
}
