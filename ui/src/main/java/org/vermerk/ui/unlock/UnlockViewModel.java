package org.vermerk.ui.unlock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.PassphraseRejectedException;
import org.vermerk.app.account.UnlockDelayedException;
import org.vermerk.app.policy.EffectiveSettings;
import org.vermerk.ui.core.ErrorTexts;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * Later starts: unlocks the account with its passphrase. A wrong one says so and how many failed
 * in a row; once the store makes the user wait (after three, 5 s doubling up to 15 min), the wait
 * counts down on screen and the button stays off until it is over. The count lives beside the
 * store, so restarting does not skip it. FX thread only.
 */
public final class UnlockViewModel {
    /** Unlocks with the engine: {@code AccountAccess::unlock} in the product. */
    @FunctionalInterface
    public interface Unlocker {
        Account unlock(char[] passphrase, EffectiveSettings settings) throws Exception;
    }

    private final Unlocker unlocker;
    private final Supplier<EffectiveSettings> settings;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Consumer<Account> onUnlocked;

    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ObjectProperty<UiText> message = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty showProgress = new SimpleBooleanProperty();
    private final BooleanProperty waiting = new SimpleBooleanProperty();
    private final BooleanBinding canUnlock;

    /** The end of the wait the store imposes, or null; with the failure count it follows. */
    private Instant waitUntil;

    private int failedAttempts;
    private TaskExecutor.Cancellable tick;
    private TaskExecutor.Cancellable progressDelay;

    /**
     * How long an unlock runs before the spinning progress indicator appears. Most unlocks end
     * sooner (Argon2id took 0.3–0.7 s on our 2-core test machine), and the field and button are
     * disabled at once, which already says that the passphrase is being checked. An animation
     * is not free: on a desktop without a GPU driver (a VM, VDI) each of its frames is drawn by
     * the CPU, and a spinner shown from the first moment made the unlock there twice as slow
     * (ADR 0032).
     */
    static final Duration PROGRESS_DELAY = Duration.ofSeconds(1);

    public UnlockViewModel(
            Unlocker unlocker,
            Supplier<EffectiveSettings> settings,
            TaskExecutor executor,
            Clock clock,
            Consumer<Account> onUnlocked) {
        this.unlocker = unlocker;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.onUnlocked = onUnlocked;
        this.canUnlock = busy.not().and(waiting.not()).and(passphrase.isNotEmpty());
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** What went wrong, or how long to wait; null when there is nothing to say. */
    public ObjectProperty<UiText> messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True when an unlock has run longer than {@link #PROGRESS_DELAY}: the view shows its spinner. */
    public ReadOnlyBooleanProperty showProgressProperty() {
        return showProgress;
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting;
    }

    public BooleanBinding canUnlockBinding() {
        return canUnlock;
    }

    public void unlock() {
        if (!canUnlock.get()) {
            return;
        }
        char[] secret = passphrase.get().toCharArray();
        passphrase.set("");
        busy.set(true);
        message.set(null);
        progressDelay = executor.schedule(PROGRESS_DELAY, () -> showProgress.set(busy.get()));
        executor.submit(
                () -> unlocker.unlock(secret, settings.get()),
                account -> {
                    endBusy();
                    failedAttempts = 0;
                    onUnlocked.accept(account);
                },
                failure -> {
                    endBusy();
                    java.util.Arrays.fill(secret, '\0');
                    switch (failure) {
                        case PassphraseRejectedException e -> {
                            failedAttempts = e.failedAttempts();
                            if (e.nextAttemptDelay().isZero()) {
                                message.set(UiText.of("unlock.error.wrong", failedAttempts));
                            } else {
                                startWait(e.nextAttemptDelay());
                            }
                        }
                        case UnlockDelayedException e -> startWait(e.retryAfter());
                        default -> message.set(ErrorTexts.of(failure));
                    }
                });
    }

    /** Stops the countdown and the progress delay; the screen is going away. */
    public void dispose() {
        if (tick != null) {
            tick.cancel();
        }
        if (progressDelay != null) {
            progressDelay.cancel();
        }
    }

    private void endBusy() {
        busy.set(false);
        showProgress.set(false);
        if (progressDelay != null) {
            progressDelay.cancel();
            progressDelay = null;
        }
    }

    private void startWait(Duration wait) {
        waitUntil = clock.instant().plus(wait);
        waiting.set(true);
        update();
    }

    private void update() {
        Duration left = Duration.between(clock.instant(), waitUntil);
        if (left.isNegative() || left.isZero()) {
            waiting.set(false);
            waitUntil = null;
            message.set(
                    failedAttempts > 0
                            ? UiText.of("unlock.error.waitOverAfter", failedAttempts)
                            : UiText.of("unlock.waitOver"));
            return;
        }
        long seconds = (left.toMillis() + 999) / 1000;
        message.set(
                failedAttempts > 0
                        ? UiText.of("unlock.error.wrongWait", failedAttempts, seconds)
                        : UiText.of("unlock.wait", seconds));
        tick = executor.schedule(Duration.ofMillis(Math.min(1000, left.toMillis())), this::update);
    }
}
