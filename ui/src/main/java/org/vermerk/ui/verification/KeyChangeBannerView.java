package org.vermerk.ui.verification;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/**
 * The key-change banner: loads {@code KeyChangeBanner.fxml}; takes no space while no change
 * waits. A chat view puts {@link #load()}'s node on top of the conversation.
 */
public final class KeyChangeBannerView {
    private final KeyChangeBannerViewModel model;
    private final Messages messages;

    @FXML
    private Parent banner;

    @FXML
    private Label message;

    @FXML
    private Label error;

    @FXML
    private Button acknowledgeButton;

    public KeyChangeBannerView(KeyChangeBannerViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    public Parent load() {
        return ViewLoader.load(this, "KeyChangeBanner.fxml", messages);
    }

    @FXML
    private void initialize() {
        banner.visibleProperty().bind(model.visibleProperty());
        banner.managedProperty().bind(model.visibleProperty());
        ViewBindings.showText(message, model.messageProperty(), messages);
        ViewBindings.showText(error, model.errorProperty(), messages);
        banner.accessibleTextProperty().bind(message.textProperty());
        acknowledgeButton.disableProperty().bind(model.busyProperty());
    }

    @FXML
    private void onAcknowledge() {
        model.acknowledge();
    }
}
