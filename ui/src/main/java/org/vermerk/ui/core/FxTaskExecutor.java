package org.vermerk.ui.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's {@link TaskExecutor}: each job is a {@link Task} on a small pool of daemon threads
 * (two: one long Argon2id derivation must not hold up everything else); results are delivered by
 * the task's succeeded/failed handlers on the FX thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("vermerk-ui-worker-", 0).daemon().factory());

    /** FX thread only. */
    private boolean shutDown;

    @Override
    public <T> Cancellable submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        boolean[] cancelled = {false};
        task.setOnSucceeded(e -> {
            if (!cancelled[0] && !shutDown) {
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (!cancelled[0] && !shutDown) {
                LOG.debug(
                        "event=ui_task_failed error={}",
                        task.getException().getClass().getSimpleName());
                onFailure.accept(task.getException());
            }
        });
        pool.execute(task);
        return () -> cancelled[0] = true;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(() -> {
                if (!shutDown) {
                    action.run();
                }
            });
        }
    }

    @Override
    public Cancellable schedule(java.time.Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.millis(Math.max(1, delay.toMillis())));
        pause.setOnFinished(e -> {
            if (!shutDown) {
                action.run();
            }
        });
        runOnUiThread(pause::play);
        return () -> runOnUiThread(pause::stop);
    }

    @Override
    public void shutdown() {
        shutDown = true;
        pool.shutdownNow();
    }
}
