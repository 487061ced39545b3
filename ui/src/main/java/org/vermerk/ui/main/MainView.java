package org.vermerk.ui.main;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/** The main window: loads {@code Main.fxml} and binds it to {@link MainViewModel}. */
public final class MainView {
    private final MainViewModel model;
    private final Messages messages;
    private final Runnable openSettings;
    private final Runnable lock;

    @FXML
    private Label user;

    @FXML
    private Region connectionDot;

    @FXML
    private Label connectionText;

    @FXML
    private Button settings;

    @FXML
    private Button lockButton;

    @FXML
    private ListView<Object> conversations;

    public MainView(MainViewModel model, Messages messages, Runnable openSettings, Runnable lock) {
        this.model = model;
        this.messages = messages;
        this.openSettings = openSettings;
        this.lock = lock;
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "Main.fxml", messages);
        Platform.runLater(conversations::requestFocus);
        return root;
    }

    @FXML
    private void initialize() {
        user.setText(model.userId());
        user.setAccessibleText(messages.get("main.user.accessible", model.userId()));
        ViewBindings.showText(connectionText, model.statusTextProperty(), messages);
        connectionText.focusTraversableProperty().set(false);
        model.statusProperty().subscribe(status -> {
            for (MainViewModel.Status s : MainViewModel.Status.values()) {
                connectionDot.getStyleClass().remove(s.styleClass());
            }
            connectionDot.getStyleClass().add(status.styleClass());
        });
        connectionText
                .accessibleTextProperty()
                .bind(connectionText.textProperty().map(text -> messages.get("main.connection.accessible", text)));
    }

    @FXML
    private void onSettings() {
        openSettings.run();
    }

    @FXML
    private void onLock() {
        lock.run();
    }
}
