package org.vermerk.ui.verification;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.vermerk.app.conversation.TrustState;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/**
 * The verification view: loads {@code Verification.fxml} and binds it to {@link
 * VerificationViewModel}. With a {@code back} action it is a screen of its own; without, a pane
 * inside another screen (group info).
 */
public final class VerificationView {
    /** Pixels per QR module, and the quiet zone in modules (ISO/IEC 18004 asks for 4). */
    private static final int SCALE = 6;

    private static final int QUIET_ZONE = 4;

    private final VerificationViewModel model;
    private final Messages messages;
    private final Runnable back;

    @FXML
    private Button backButton;

    @FXML
    private Label contactName;

    @FXML
    private Label numberLines;

    @FXML
    private ImageView qrImage;

    @FXML
    private Label trustState;

    @FXML
    private Button verifyButton;

    @FXML
    private Label status;

    public VerificationView(VerificationViewModel model, Messages messages, Runnable back) {
        this.model = model;
        this.messages = messages;
        this.back = back;
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "Verification.fxml", messages);
        if (back != null) {
            Platform.runLater(() -> verifyButton.requestFocus());
        }
        return root;
    }

    @FXML
    private void initialize() {
        backButton.setVisible(back != null);
        backButton.setManaged(back != null);
        contactName
                .textProperty()
                .bind(model.displayNameProperty().map(name -> messages.get("verification.with", name, model.userId())));
        numberLines
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> String.join("\n", model.lines()), model.safetyNumberProperty()));
        numberLines
                .accessibleTextProperty()
                .bind(model.safetyNumberProperty()
                        .map(n -> n.isEmpty() ? "" : messages.get("verification.number.accessible", n)));
        model.safetyNumberProperty().subscribe(n -> qrImage.setImage(n.isEmpty() ? null : render(model.qrContent())));
        trustState
                .textProperty()
                .bind(model.trustProperty()
                        .map(t -> messages.get("verification.state", messages.text(PeopleErrors.trust(t)))));
        model.trustProperty().subscribe(t -> {
            trustState.getStyleClass().removeAll("trust-verified", "trust-changed");
            if (t == TrustState.VERIFIED) {
                trustState.getStyleClass().add("trust-verified");
            } else if (t == TrustState.KEY_CHANGED) {
                trustState.getStyleClass().add("trust-changed");
            }
        });
        verifyButton
                .disableProperty()
                .bind(model.busyProperty()
                        .or(model.safetyNumberProperty().isEmpty())
                        .or(model.trustProperty().isEqualTo(TrustState.VERIFIED)));
        ViewBindings.showText(status, model.statusProperty(), messages);
    }

    private static WritableImage render(String content) {
        QrCode code = QrCode.encode(content);
        int side = (code.size() + 2 * QUIET_ZONE) * SCALE;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / SCALE - QUIET_ZONE;
                int my = y / SCALE - QUIET_ZONE;
                boolean dark = mx >= 0 && my >= 0 && mx < code.size() && my < code.size() && code.dark(mx, my);
                pixels.setColor(x, y, dark ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }

    @FXML
    private void onVerify() {
        model.markVerified();
    }

    @FXML
    private void onBack() {
        if (back != null) {
            back.run();
        }
    }
}
