package org.vermerk.ui.verification;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.vermerk.app.conversation.TrustState;
import org.vermerk.ui.core.TaskExecutor;
import org.vermerk.ui.core.UiText;

/**
 * A contact's safety number to compare — in grouped digits and as a QR code — and "mark as
 * verified". FX thread only; the engine is asked through the executor.
 */
public final class VerificationViewModel {
    /** What the QR code holds: a fixed prefix, the format version and the 60 digits. */
    public static final String QR_PREFIX = "VERMERK-SN:1:";

    private final ContactVerifier verifier;
    private final String userId;
    private final TaskExecutor executor;
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty safetyNumber = new SimpleStringProperty("");
    private final ObjectProperty<TrustState> trust = new SimpleObjectProperty<>();
    private final ObjectProperty<UiText> status = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public VerificationViewModel(ContactVerifier verifier, String userId, TaskExecutor executor) {
        this.verifier = verifier;
        this.userId = userId;
        this.executor = executor;
        displayName.set(userId);
    }

    public String userId() {
        return userId;
    }

    /** Asks the engine for the number and the state (again). */
    public void load() {
        busy.set(true);
        status.set(UiText.of("verification.loading"));
        executor.submit(
                () -> verifier.load(userId),
                info -> {
                    busy.set(false);
                    status.set(null);
                    displayName.set(info.displayName());
                    safetyNumber.set(info.safetyNumber());
                    trust.set(info.trust());
                },
                failure -> {
                    busy.set(false);
                    status.set(PeopleErrors.of(failure));
                });
    }

    /** The user compared the number with the contact and it matched. */
    public void markVerified() {
        if (busy.get() || safetyNumber.get().isEmpty()) {
            return;
        }
        busy.set(true);
        executor.submit(
                () -> verifier.markVerified(userId),
                state -> {
                    busy.set(false);
                    trust.set(state);
                    status.set(UiText.of("verification.done"));
                },
                failure -> {
                    busy.set(false);
                    status.set(PeopleErrors.of(failure));
                });
    }

    /** The twelve groups of five digits in three lines of four, for reading aloud line by line. */
    public List<String> lines() {
        String[] groups = safetyNumber.get().isBlank()
                ? new String[0]
                : safetyNumber.get().split(" ");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < groups.length; i += 4) {
            lines.add(String.join("  ", java.util.Arrays.copyOfRange(groups, i, Math.min(groups.length, i + 4))));
        }
        return lines;
    }

    /** What the QR code encodes; empty before the number is loaded. */
    public String qrContent() {
        return safetyNumber.get().isEmpty()
                ? ""
                : QR_PREFIX + safetyNumber.get().replace(" ", "");
    }

    public ReadOnlyStringProperty displayNameProperty() {
        return displayName;
    }

    public ReadOnlyStringProperty safetyNumberProperty() {
        return safetyNumber;
    }

    public ReadOnlyObjectProperty<TrustState> trustProperty() {
        return trust;
    }

    public ReadOnlyObjectProperty<UiText> statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
