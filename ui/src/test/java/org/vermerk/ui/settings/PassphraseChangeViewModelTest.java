package org.vermerk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.app.account.PassphraseRejectedException;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.SameThreadExecutor;

class PassphraseChangeViewModelTest {
    private final List<String> calls = new ArrayList<>();
    private Exception failure;

    private final PassphraseChangeViewModel model = new PassphraseChangeViewModel(
            (current, next) -> {
                calls.add(new String(current) + " -> " + new String(next));
                if (failure != null) {
                    throw failure;
                }
            },
            new SameThreadExecutor(),
            16);

    private void fill(String current, String next, String repeat) {
        model.currentProperty().set(current);
        model.nextProperty().set(next);
        model.repeatProperty().set(repeat);
    }

    @Test
    void theNewPassphraseFollowsThePolicyMinimumDiffersAndIsRepeated() {
        fill("", "zu kurz", "zu kurz");
        model.submit();
        assertThat(model.currentErrorProperty().get())
                .isEqualTo(UiText.of("settings.passphrase.error.currentRequired"));
        assertThat(model.nextErrorProperty().get()).isEqualTo(UiText.of("firststart.error.passphraseTooShort", 16));

        fill("Akte Mai fertig heute", "Akte Mai fertig heute", "Akte Mai fertig heute");
        model.submit();
        assertThat(model.nextErrorProperty().get()).isEqualTo(UiText.of("settings.passphrase.error.same"));

        fill("Akte Mai fertig heute", "Bescheid Juni versandt", "Bescheid Juni versand");
        model.submit();
        assertThat(model.repeatErrorProperty().get()).isEqualTo(UiText.of("firststart.error.passphraseMismatch"));
        assertThat(calls).isEmpty();
    }

    @Test
    void aGoodChangeIsReportedAndClearsTheFields() {
        fill("Akte Mai fertig heute", "Bescheid Juni versandt", "Bescheid Juni versandt");
        model.submit();
        assertThat(calls).containsExactly("Akte Mai fertig heute -> Bescheid Juni versandt");
        assertThat(model.doneProperty().get()).isEqualTo(UiText.of("settings.passphrase.changed"));
        assertThat(model.currentProperty().get()).isEmpty();
        assertThat(model.nextProperty().get()).isEmpty();
    }

    @Test
    void aWrongCurrentPassphraseIsCountedAtItsField() {
        failure = new PassphraseRejectedException(2, Duration.ZERO, null);
        fill("falsch falsch falsch", "Bescheid Juni versandt", "Bescheid Juni versandt");
        model.submit();
        assertThat(model.currentErrorProperty().get()).isEqualTo(UiText.of("settings.passphrase.error.wrong", 2));
        assertThat(model.doneProperty().get()).isNull();
        assertThat(model.busyProperty().get()).isFalse();
    }
}
