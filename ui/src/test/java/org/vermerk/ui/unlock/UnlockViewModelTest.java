package org.vermerk.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.app.account.Account;
import org.vermerk.app.account.AccountInUseException;
import org.vermerk.app.account.PassphraseRejectedException;
import org.vermerk.app.account.UnlockDelayedException;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.MutableClock;
import org.vermerk.ui.testing.Policies;
import org.vermerk.ui.testing.SameThreadExecutor;

/** Unlock's messages and the countdown, with a clock the test moves. */
class UnlockViewModelTest {
    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
    private final List<String> tried = new ArrayList<>();
    private final List<Account> opened = new ArrayList<>();
    private Exception failure;

    private final UnlockViewModel model = new UnlockViewModel(
            (passphrase, settings) -> {
                tried.add(new String(passphrase));
                throw failure;
            },
            () -> Policies.effective(Policies.none()),
            executor,
            clock,
            opened::add);

    @Test
    void nothingToUnlockWithAnEmptyField() {
        assertThat(model.canUnlockBinding().get()).isFalse();
        model.unlock();
        assertThat(tried).isEmpty();
    }

    @Test
    void aWrongPassphraseSaysSoWithTheCountAndClearsTheField() {
        failure = new PassphraseRejectedException(2, Duration.ZERO, null);
        model.passphraseProperty().set("falsch");
        model.unlock();
        assertThat(tried).containsExactly("falsch");
        assertThat(model.messageProperty().get()).isEqualTo(UiText.of("unlock.error.wrong", 2));
        assertThat(model.passphraseProperty().get()).isEmpty();
        assertThat(model.waitingProperty().get()).isFalse();
    }

    @Test
    void aGrowingDelayCountsDownAndKeepsTheButtonOffUntilItIsOver() {
        failure = new PassphraseRejectedException(4, Duration.ofSeconds(10), null);
        model.passphraseProperty().set("falsch");
        model.unlock();
        assertThat(model.messageProperty().get()).isEqualTo(UiText.of("unlock.error.wrongWait", 4, 10L));
        assertThat(model.waitingProperty().get()).isTrue();
        model.passphraseProperty().set("noch einmal");
        assertThat(model.canUnlockBinding().get()).isFalse();

        clock.advance(Duration.ofSeconds(3));
        executor.runScheduled();
        assertThat(model.messageProperty().get()).isEqualTo(UiText.of("unlock.error.wrongWait", 4, 7L));

        clock.advance(Duration.ofSeconds(7));
        executor.runScheduled();
        assertThat(model.waitingProperty().get()).isFalse();
        assertThat(model.canUnlockBinding().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo(UiText.of("unlock.error.waitOverAfter", 4));
        assertThat(executor.scheduled()).isEmpty();
    }

    @Test
    void aThrottledStartWaitsWithoutTryingAndDisposeStopsTheCountdown() {
        failure = new UnlockDelayedException(Duration.ofSeconds(80), null);
        model.passphraseProperty().set("irgendwas");
        model.unlock();
        assertThat(model.messageProperty().get()).isEqualTo(UiText.of("unlock.wait", 80L));
        assertThat(executor.scheduled()).hasSize(1);
        model.dispose();
        assertThat(executor.scheduled()).isEmpty();
    }

    @Test
    void anAccountOpenElsewhereIsExplained() {
        failure = new AccountInUseException("in use", null);
        model.passphraseProperty().set("richtig");
        model.unlock();
        assertThat(model.messageProperty().get()).isEqualTo(UiText.of("error.inUse"));
        assertThat(opened).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void theSpinnerAppearsOnlyWhenAnUnlockTakesLongerThanTheDelay() {
        failure = new PassphraseRejectedException(1, Duration.ZERO, null);
        executor.holdCallbacks = true; // the check is still running
        model.passphraseProperty().set("falsch");
        model.unlock();
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.showProgressProperty().get()).isFalse();
        assertThat(executor.scheduled())
                .extracting(SameThreadExecutor.Scheduled::delay)
                .containsExactly(UnlockViewModel.PROGRESS_DELAY);

        executor.runScheduled(); // the delay is over, the check is not
        assertThat(model.showProgressProperty().get()).isTrue();

        executor.releaseCallbacks();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.showProgressProperty().get()).isFalse();
    }

    @Test
    void leavingTheScreenDuringAnUnlockCancelsTheSpinnersDelay() {
        executor.holdCallbacks = true;
        failure = new PassphraseRejectedException(1, Duration.ZERO, null);
        model.passphraseProperty().set("falsch");
        model.unlock();
        assertThat(executor.scheduled()).hasSize(1);
        model.dispose();
        assertThat(executor.scheduled()).isEmpty();
    }

    @Test
    void aQuickUnlockNeverShowsTheSpinner() {
        failure = new PassphraseRejectedException(1, Duration.ZERO, null);
        model.passphraseProperty().set("falsch");
        model.unlock();
        assertThat(executor.scheduled()).isEmpty(); // the delay was cancelled when the check ended
        assertThat(model.showProgressProperty().get()).isFalse();
    }
}
