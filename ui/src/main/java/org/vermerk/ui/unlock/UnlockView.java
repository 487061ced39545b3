package org.vermerk.ui.unlock;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/** Unlock: loads {@code Unlock.fxml} and binds it to {@link UnlockViewModel}. */
public final class UnlockView {
    private final UnlockViewModel model;
    private final Messages messages;
    private final String home;

    @FXML
    private VBox form;

    @FXML
    private PasswordField passphrase;

    @FXML
    private Label message;

    @FXML
    private Label homeHint;

    @FXML
    private Button unlock;

    @FXML
    private ProgressIndicator progress;

    public UnlockView(UnlockViewModel model, Messages messages, String home) {
        this.model = model;
        this.messages = messages;
        this.home = home;
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "Unlock.fxml", messages);
        Platform.runLater(passphrase::requestFocus);
        return root;
    }

    @FXML
    private void initialize() {
        ViewBindings.linkFieldLabels(form);
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        passphrase.disableProperty().bind(model.busyProperty().or(model.waitingProperty()));
        unlock.disableProperty().bind(model.canUnlockBinding().not());
        ViewBindings.showText(message, model.messageProperty(), messages);
        ViewBindings.helpFromError(passphrase, model.messageProperty(), messages);
        homeHint.setText(messages.get("unlock.home", home));
        progress.visibleProperty().bind(model.showProgressProperty());
        // The field is disabled while the passphrase is checked and during a wait; afterwards the
        // typing goes back into it.
        passphrase.disabledProperty().subscribe(disabled -> {
            if (!disabled) {
                Platform.runLater(passphrase::requestFocus);
            }
        });
    }

    @FXML
    private void onUnlock() {
        model.unlock();
    }
}
