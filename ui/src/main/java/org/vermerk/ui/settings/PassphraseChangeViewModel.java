package org.vermerk.ui.settings;

import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vermerk.app.account.PassphraseRejectedException;
import org.vermerk.app.account.UnlockDelayedException;
import org.vermerk.ui.core.ErrorTexts;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * Settings → change the passphrase: the current one, the new one twice (the policy's {@code
 * passphraseMinLength}). The store rewraps its one key; a wrong current passphrase counts like a
 * failed unlock, with the same growing delay. FX thread only.
 */
public final class PassphraseChangeViewModel {
    /** Changes it with the engine: {@code AccountAccess.changePassphrase} for the open account. */
    @FunctionalInterface
    public interface Changer {
        void change(char[] current, char[] next) throws Exception;
    }

    private final Changer changer;
    private final TaskExecutor executor;
    private final int minLength;

    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ObjectProperty<UiText> currentError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> nextError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> repeatError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> formError = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> done = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public PassphraseChangeViewModel(Changer changer, TaskExecutor executor, int minLength) {
        this.changer = changer;
        this.executor = executor;
        this.minLength = minLength;
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ObjectProperty<UiText> currentErrorProperty() {
        return currentError;
    }

    public ObjectProperty<UiText> nextErrorProperty() {
        return nextError;
    }

    public ObjectProperty<UiText> repeatErrorProperty() {
        return repeatError;
    }

    public ObjectProperty<UiText> formErrorProperty() {
        return formError;
    }

    /** Set when the change went through. */
    public ObjectProperty<UiText> doneProperty() {
        return done;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public int minLength() {
        return minLength;
    }

    public boolean validate() {
        currentError.set(current.get().isEmpty() ? UiText.of("settings.passphrase.error.currentRequired") : null);
        nextError.set(
                next.get().length() < minLength
                        ? UiText.of("firststart.error.passphraseTooShort", minLength)
                        : next.get().equals(current.get()) ? UiText.of("settings.passphrase.error.same") : null);
        repeatError.set(
                nextError.get() == null && !next.get().equals(repeat.get())
                        ? UiText.of("firststart.error.passphraseMismatch")
                        : null);
        return currentError.get() == null && nextError.get() == null && repeatError.get() == null;
    }

    public void submit() {
        if (busy.get()) {
            return;
        }
        done.set(null);
        formError.set(null);
        if (!validate()) {
            return;
        }
        char[] old = current.get().toCharArray();
        char[] fresh = next.get().toCharArray();
        current.set("");
        busy.set(true);
        executor.submit(
                () -> {
                    changer.change(old, fresh);
                    return Boolean.TRUE;
                },
                ok -> {
                    busy.set(false);
                    next.set("");
                    repeat.set("");
                    done.set(UiText.of("settings.passphrase.changed"));
                },
                failure -> {
                    busy.set(false);
                    Arrays.fill(old, '\0');
                    Arrays.fill(fresh, '\0');
                    switch (failure) {
                        case PassphraseRejectedException e ->
                            currentError.set(UiText.of("settings.passphrase.error.wrong", e.failedAttempts()));
                        case UnlockDelayedException e ->
                            formError.set(
                                    UiText.of("unlock.wait", e.retryAfter().toSeconds()));
                        default -> formError.set(ErrorTexts.of(failure));
                    }
                });
    }
}
