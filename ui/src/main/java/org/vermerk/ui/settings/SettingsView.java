package org.vermerk.ui.settings;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.vermerk.app.policy.Language;
import org.vermerk.ui.core.LanguageNames;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.Theme;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/** Settings and About: loads {@code Settings.fxml} and binds it to {@link SettingsViewModel}. */
public final class SettingsView {
    private final SettingsViewModel model;
    private final PassphraseChangeViewModel passphrase;
    private final Messages messages;
    private final Theme theme;
    private final Runnable back;

    @FXML
    private VBox form;

    @FXML
    private Button backButton;

    @FXML
    private ComboBox<Language> language;

    @FXML
    private Label languageLocked;

    @FXML
    private Button smaller;

    @FXML
    private Button larger;

    @FXML
    private Button resetSize;

    @FXML
    private Label fontSize;

    @FXML
    private Label version;

    @FXML
    private Label server;

    @FXML
    private Label user;

    @FXML
    private Label device;

    @FXML
    private Label fingerprint;

    @FXML
    private Label policyOrigin;

    @FXML
    private javafx.scene.control.CheckBox notificationsOn;

    @FXML
    private javafx.scene.control.CheckBox notificationsShowText;

    @FXML
    private Label notificationsLocked;

    @FXML
    private Label notificationsUnavailable;

    @FXML
    private ComboBox<Integer> idleLock;

    @FXML
    private Label idleLockLocked;

    @FXML
    private Label saveError;

    @FXML
    private TableView<SettingsViewModel.SettingRow> settingsTable;

    @FXML
    private TableColumn<SettingsViewModel.SettingRow, String> keyColumn;

    @FXML
    private TableColumn<SettingsViewModel.SettingRow, String> valueColumn;

    @FXML
    private TableColumn<SettingsViewModel.SettingRow, String> sourceColumn;

    @FXML
    private PasswordField currentPassphrase;

    @FXML
    private Label currentPassphraseError;

    @FXML
    private PasswordField newPassphrase;

    @FXML
    private Label newPassphraseHint;

    @FXML
    private Label newPassphraseError;

    @FXML
    private PasswordField repeatPassphrase;

    @FXML
    private Label repeatPassphraseError;

    @FXML
    private Label passphraseFormError;

    @FXML
    private Label passphraseDone;

    @FXML
    private Button changePassphrase;

    @FXML
    private ProgressIndicator passphraseProgress;

    public SettingsView(
            SettingsViewModel model,
            PassphraseChangeViewModel passphrase,
            Messages messages,
            Theme theme,
            Runnable back) {
        this.model = model;
        this.passphrase = passphrase;
        this.messages = messages;
        this.theme = theme;
        this.back = back;
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "Settings.fxml", messages);
        Platform.runLater(() -> (language.isDisabled() ? backButton : language).requestFocus());
        return root;
    }

    @FXML
    private void initialize() {
        ViewBindings.linkFieldLabels(form);
        language.getItems().setAll(model.languages());
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Language value) {
                return value == null ? "" : LanguageNames.name(value);
            }

            @Override
            public Language fromString(String string) {
                return null;
            }
        });
        language.valueProperty().bindBidirectional(model.languageProperty());
        language.setDisable(!model.languageChangeable());
        languageLocked.setVisible(!model.languageChangeable());
        languageLocked.setManaged(!model.languageChangeable());

        notificationsOn.selectedProperty().bindBidirectional(model.notificationsOnProperty());
        notificationsShowText.selectedProperty().bindBidirectional(model.notificationsShowTextProperty());
        notificationsShowText.setDisable(!model.notificationsShowTextChangeable());
        notificationsLocked.setVisible(!model.notificationsShowTextChangeable());
        notificationsLocked.setManaged(!model.notificationsShowTextChangeable());
        notificationsUnavailable.setVisible(!model.notificationsAvailable());
        notificationsUnavailable.setManaged(!model.notificationsAvailable());
        idleLock.getItems().setAll(model.idleLockChoices());
        idleLock.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer minutes) {
                return minutes == null
                        ? ""
                        : minutes == 0
                                ? messages.get("about.value.never")
                                : messages.get("about.value.minutes", minutes);
            }

            @Override
            public Integer fromString(String string) {
                return null;
            }
        });
        idleLock.valueProperty().bindBidirectional(model.idleLockMinutesProperty());
        idleLock.setDisable(!model.idleLockChangeable());
        idleLockLocked.setVisible(!model.idleLockChangeable());
        idleLockLocked.setManaged(!model.idleLockChangeable());
        ViewBindings.showText(saveError, model.saveErrorProperty(), messages);

        fontSize.textProperty()
                .bind(theme.fontSizeProperty().map(size -> messages.get("settings.fontSize.value", size)));

        SettingsViewModel.AccountInfo account = model.account();
        version.setText(model.version());
        server.setText(account.serverUrl());
        user.setText(account.userId());
        device.setText(account.deviceId());
        fingerprint.setText(account.fingerprint());
        policyOrigin.setText(messages.text(model.policyOrigin()));

        keyColumn.setCellValueFactory(
                row -> new ReadOnlyStringWrapper(row.getValue().key()));
        valueColumn.setCellValueFactory(
                row -> new ReadOnlyStringWrapper(messages.text(row.getValue().value())));
        sourceColumn.setCellValueFactory(
                row -> new ReadOnlyStringWrapper(messages.text(row.getValue().source())));
        settingsTable.setItems(model.rows());

        currentPassphrase.textProperty().bindBidirectional(passphrase.currentProperty());
        newPassphrase.textProperty().bindBidirectional(passphrase.nextProperty());
        repeatPassphrase.textProperty().bindBidirectional(passphrase.repeatProperty());
        newPassphraseHint.setText(messages.get("settings.passphrase.hint", passphrase.minLength()));
        ViewBindings.showText(currentPassphraseError, passphrase.currentErrorProperty(), messages);
        ViewBindings.showText(newPassphraseError, passphrase.nextErrorProperty(), messages);
        ViewBindings.showText(repeatPassphraseError, passphrase.repeatErrorProperty(), messages);
        ViewBindings.showText(passphraseFormError, passphrase.formErrorProperty(), messages);
        ViewBindings.showText(passphraseDone, passphrase.doneProperty(), messages);
        ViewBindings.helpFromError(currentPassphrase, passphrase.currentErrorProperty(), messages);
        ViewBindings.helpFromError(newPassphrase, passphrase.nextErrorProperty(), messages);
        ViewBindings.helpFromError(repeatPassphrase, passphrase.repeatErrorProperty(), messages);
        for (javafx.scene.Node node :
                new javafx.scene.Node[] {currentPassphrase, newPassphrase, repeatPassphrase, changePassphrase}) {
            node.disableProperty().bind(passphrase.busyProperty());
        }
        passphraseProgress.visibleProperty().bind(passphrase.busyProperty());
    }

    @FXML
    private void onChangePassphrase() {
        passphrase.submit();
    }

    @FXML
    private void onBack() {
        back.run();
    }

    @FXML
    private void onSmaller() {
        theme.smaller();
    }

    @FXML
    private void onLarger() {
        theme.larger();
    }

    @FXML
    private void onResetSize() {
        theme.resetFontSize();
    }
}
