package org.vermerk.ui.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.vermerk.ui.core.TaskExecutor;

/**
 * A {@link TaskExecutor} for ViewModel tests: work runs at once on the calling thread, and so do
 * its callbacks; scheduled actions wait until the test runs them with {@link #runScheduled()}.
 */
public final class SameThreadExecutor implements TaskExecutor {
    public record Scheduled(Duration delay, Runnable action) {}

    private final List<Scheduled> scheduled = new ArrayList<>();
    private final List<Runnable> heldCallbacks = new ArrayList<>();
    public int submitted;

    /** While true, work still runs at once but its callbacks wait for {@link #releaseCallbacks()}. */
    public boolean holdCallbacks;

    @Override
    public <T> Cancellable submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        submitted++;
        Runnable callback;
        try {
            T result = work.call();
            callback = () -> onSuccess.accept(result);
        } catch (Exception e) {
            callback = () -> onFailure.accept(e);
        }
        if (holdCallbacks) {
            heldCallbacks.add(callback);
        } else {
            callback.run();
        }
        return () -> {};
    }

    /** Runs the held callbacks in the order their work ended (a result arriving late on the UI thread). */
    public void releaseCallbacks() {
        List<Runnable> due = List.copyOf(heldCallbacks);
        heldCallbacks.clear();
        due.forEach(Runnable::run);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Scheduled entry = new Scheduled(delay, action);
        scheduled.add(entry);
        return () -> scheduled.remove(entry);
    }

    /** What is scheduled now. */
    public List<Scheduled> scheduled() {
        return List.copyOf(scheduled);
    }

    /** Runs what is scheduled now (not what those actions schedule in turn). */
    public void runScheduled() {
        List<Scheduled> due = List.copyOf(scheduled);
        scheduled.clear();
        due.forEach(s -> s.action().run());
    }

    @Override
    public void shutdown() {}
}
