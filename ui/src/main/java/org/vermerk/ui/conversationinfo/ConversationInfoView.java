package org.vermerk.ui.conversationinfo;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.vermerk.app.account.DirectoryUser;
import org.vermerk.app.conversation.GroupInfo;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;
import org.vermerk.ui.newconversation.PersonCell;
import org.vermerk.ui.verification.VerificationView;

/**
 * Conversation info: loads {@code ConversationInfo.fxml} and binds it to {@link
 * ConversationInfoViewModel}; the selected member's {@link VerificationView} sits on the right.
 * Keyboard: Tab through; Delete removes the selected member; in the search field Down goes to
 * the results and Enter adds; Esc goes back (the shell).
 */
public final class ConversationInfoView {
    private final ConversationInfoViewModel model;
    private final Messages messages;
    private final Runnable back;

    @FXML
    private VBox form;

    @FXML
    private Button backButton;

    @FXML
    private Label classificationBanner;

    @FXML
    private HBox titleRow;

    @FXML
    private TextField groupTitle;

    @FXML
    private Label directTitle;

    @FXML
    private ListView<GroupInfo.MemberInfo> members;

    @FXML
    private Button removeMember;

    @FXML
    private VBox addPane;

    @FXML
    private TextField query;

    @FXML
    private Label searchStatus;

    @FXML
    private ListView<DirectoryUser> results;

    @FXML
    private Button addButton;

    @FXML
    private Button leaveButton;

    @FXML
    private HBox leaveConfirm;

    @FXML
    private Label status;

    @FXML
    private Label error;

    @FXML
    private ProgressIndicator progress;

    @FXML
    private StackPane verificationPane;

    @FXML
    private Label verificationEmpty;

    public ConversationInfoView(ConversationInfoViewModel model, Messages messages, Runnable back) {
        this.model = model;
        this.messages = messages;
        this.back = back;
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "ConversationInfo.fxml", messages);
        Platform.runLater(() -> members.requestFocus());
        return root;
    }

    @FXML
    private void initialize() {
        ViewBindings.linkFieldLabels(form);
        model.classificationProperty().subscribe(c -> {
            classificationBanner.setText(c == null ? "" : c);
            classificationBanner.setAccessibleText(
                    c == null ? null : messages.get("conversationinfo.classification", c));
            classificationBanner.setVisible(c != null);
            classificationBanner.setManaged(c != null);
        });
        for (var node : new javafx.scene.Node[] {titleRow, addPane, removeMember}) {
            node.visibleProperty().bind(model.groupProperty());
            node.managedProperty().bind(model.groupProperty());
        }
        directTitle.visibleProperty().bind(model.groupProperty().not());
        directTitle.managedProperty().bind(directTitle.visibleProperty());
        directTitle.setText(messages.get("conversationinfo.direct"));
        groupTitle.textProperty().bindBidirectional(model.titleProperty());
        groupTitle.setOnAction(e -> model.rename());

        members.setItems(model.members());
        members.setCellFactory(l -> new MemberCell(messages));
        // The model's selection first (a language switch rebuilds this view), then follow the list.
        members.getSelectionModel().select(model.selectedProperty().get());
        members.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, old, m) -> model.selectedProperty().set(m));
        model.selectedProperty().subscribe(m -> {
            if (m != members.getSelectionModel().getSelectedItem()) {
                members.getSelectionModel().select(m);
            }
        });
        members.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && model.groupProperty().get()) {
                model.removeSelected();
                e.consume();
            }
        });
        removeMember
                .disableProperty()
                .bind(model.selectedProperty().map(m -> m == null || m.self()).orElse(true));

        query.textProperty().bindBidirectional(model.search().queryProperty());
        query.setOnAction(e -> model.search().searchNow());
        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        ViewBindings.showText(searchStatus, model.search().statusProperty(), messages);
        results.setItems(model.search().results());
        results.setCellFactory(l -> new PersonCell());
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.add(results.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        addButton
                .disableProperty()
                .bind(results.getSelectionModel().selectedItemProperty().isNull());

        leaveButton.visibleProperty().bind(model.confirmingLeaveProperty().not());
        leaveButton.managedProperty().bind(leaveButton.visibleProperty());
        leaveConfirm.visibleProperty().bind(model.confirmingLeaveProperty());
        leaveConfirm.managedProperty().bind(leaveConfirm.visibleProperty());

        ViewBindings.showText(status, model.statusProperty(), messages);
        ViewBindings.showText(error, model.errorProperty(), messages);
        form.disableProperty().bind(model.busyProperty());
        progress.visibleProperty().bind(model.busyProperty());

        model.verificationProperty().subscribe(pane -> {
            if (pane == null) {
                verificationPane.getChildren().setAll(verificationEmpty);
            } else {
                verificationPane.getChildren().setAll(new VerificationView(pane, messages, null).load());
            }
        });
    }

    @FXML
    private void onRename() {
        model.rename();
    }

    @FXML
    private void onRemove() {
        model.removeSelected();
    }

    @FXML
    private void onAdd() {
        model.add(results.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onLeave() {
        model.askLeave();
    }

    @FXML
    private void onConfirmLeave() {
        model.confirmLeave();
    }

    @FXML
    private void onCancelLeave() {
        model.cancelLeave();
    }

    @FXML
    private void onBack() {
        back.run();
    }
}
