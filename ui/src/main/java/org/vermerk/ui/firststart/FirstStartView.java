package org.vermerk.ui.firststart;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/** First start: loads {@code FirstStart.fxml} and binds it to {@link FirstStartViewModel}. */
public final class FirstStartView {
    private final FirstStartViewModel model;
    private final Messages messages;

    @FXML
    private javafx.scene.layout.VBox form;

    @FXML
    private TextField serverUrl;

    @FXML
    private Label serverUrlError;

    @FXML
    private Label serverLockedHint;

    @FXML
    private HBox caFileRow;

    @FXML
    private Label caFileLabel;

    @FXML
    private Label caFileHint;

    @FXML
    private TextField caFile;

    @FXML
    private Button chooseCaFile;

    @FXML
    private Label caFileError;

    @FXML
    private Label caPinnedHint;

    @FXML
    private TextField userId;

    @FXML
    private Label userIdError;

    @FXML
    private TextField code;

    @FXML
    private Label codeError;

    @FXML
    private PasswordField passphrase;

    @FXML
    private Label passphraseHint;

    @FXML
    private ProgressBar strengthBar;

    @FXML
    private Label strengthLabel;

    @FXML
    private Label passphraseError;

    @FXML
    private PasswordField passphraseRepeat;

    @FXML
    private Label passphraseRepeatError;

    @FXML
    private TextField deviceName;

    @FXML
    private Label deviceNameError;

    @FXML
    private Label formError;

    @FXML
    private Button enrol;

    @FXML
    private ProgressIndicator progress;

    @FXML
    private Label progressText;

    public FirstStartView(FirstStartViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "FirstStart.fxml", messages);
        Platform.runLater(() -> (model.serverLocked() ? userId : serverUrl).requestFocus());
        return root;
    }

    @FXML
    private void initialize() {
        ViewBindings.linkFieldLabels(form);
        serverUrl.textProperty().bindBidirectional(model.serverUrlProperty());
        serverUrl.setDisable(model.serverLocked());
        serverLockedHint.setVisible(model.serverLocked());
        serverLockedHint.setManaged(model.serverLocked());
        caFile.textProperty().bindBidirectional(model.caFileProperty());
        for (javafx.scene.Node node : new javafx.scene.Node[] {caFileLabel, caFileRow, caFileHint}) {
            node.setVisible(!model.caPinned());
            node.setManaged(!model.caPinned());
        }
        caPinnedHint.setVisible(model.caPinned());
        caPinnedHint.setManaged(model.caPinned());
        userId.textProperty().bindBidirectional(model.userIdProperty());
        code.textProperty().bindBidirectional(model.codeProperty());
        passphrase.textProperty().bindBidirectional(model.passphraseProperty());
        passphraseRepeat.textProperty().bindBidirectional(model.passphraseRepeatProperty());
        deviceName.textProperty().bindBidirectional(model.deviceNameProperty());
        passphraseHint.setText(messages.get("firststart.passphrase.hint", model.passphraseMinLength()));

        ViewBindings.showText(serverUrlError, model.serverUrlErrorProperty(), messages);
        ViewBindings.showText(caFileError, model.caFileErrorProperty(), messages);
        ViewBindings.showText(userIdError, model.userIdErrorProperty(), messages);
        ViewBindings.showText(codeError, model.codeErrorProperty(), messages);
        ViewBindings.showText(passphraseError, model.passphraseErrorProperty(), messages);
        ViewBindings.showText(passphraseRepeatError, model.passphraseRepeatErrorProperty(), messages);
        ViewBindings.showText(deviceNameError, model.deviceNameErrorProperty(), messages);
        ViewBindings.showText(formError, model.formErrorProperty(), messages);
        ViewBindings.helpFromError(serverUrl, model.serverUrlErrorProperty(), messages);
        ViewBindings.helpFromError(caFile, model.caFileErrorProperty(), messages);
        ViewBindings.helpFromError(userId, model.userIdErrorProperty(), messages);
        ViewBindings.helpFromError(code, model.codeErrorProperty(), messages);
        ViewBindings.helpFromError(passphraseRepeat, model.passphraseRepeatErrorProperty(), messages);
        ViewBindings.helpFromError(deviceName, model.deviceNameErrorProperty(), messages);

        strengthBar.progressProperty().bind(model.strengthBinding().map(PassphraseStrength.Rating::fill));
        strengthLabel
                .textProperty()
                .bind(model.strengthBinding().map(r -> messages.get(r.level().messageKey())));
        model.strengthBinding().subscribe(rating -> {
            for (PassphraseStrength.Level level : PassphraseStrength.Level.values()) {
                strengthBar.getStyleClass().remove(level.styleClass());
            }
            strengthBar.getStyleClass().add(rating.level().styleClass());
        });
        strengthBar.accessibleTextProperty().bind(strengthLabel.textProperty());
        passphrase
                .accessibleHelpProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.passphraseErrorProperty().get() != null
                                ? messages.text(model.passphraseErrorProperty().get())
                                : strengthLabel.getText(),
                        model.passphraseErrorProperty(),
                        strengthLabel.textProperty()));

        progress.visibleProperty().bind(model.busyProperty());
        progressText.visibleProperty().bind(model.busyProperty());
        for (javafx.scene.Node node : new javafx.scene.Node[] {
            userId, code, passphrase, passphraseRepeat, deviceName, enrol, chooseCaFile, caFile
        }) {
            node.disableProperty().bind(model.busyProperty());
        }
        if (!model.serverLocked()) {
            serverUrl.disableProperty().bind(model.busyProperty());
        }
    }

    @FXML
    private void onEnrol() {
        model.submit();
        focusFirstError();
    }

    @FXML
    private void onChooseCaFile() {
        model.chooseCaFile();
    }

    private void focusFirstError() {
        if (model.serverUrlErrorProperty().get() != null) {
            serverUrl.requestFocus();
        } else if (model.userIdErrorProperty().get() != null) {
            userId.requestFocus();
        } else if (model.codeErrorProperty().get() != null) {
            code.requestFocus();
        } else if (model.passphraseErrorProperty().get() != null) {
            passphrase.requestFocus();
        } else if (model.passphraseRepeatErrorProperty().get() != null) {
            passphraseRepeat.requestFocus();
        } else if (model.deviceNameErrorProperty().get() != null) {
            deviceName.requestFocus();
        }
    }
}
