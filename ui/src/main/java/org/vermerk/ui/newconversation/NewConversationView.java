package org.vermerk.ui.newconversation;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.vermerk.app.account.DirectoryUser;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/**
 * New conversation: loads {@code NewConversation.fxml} and binds it to {@link
 * NewConversationViewModel}. Keyboard: type a name, Down into the results, Enter takes the person;
 * Delete drops a chosen member; Enter in the title creates the group; Esc goes back (the shell).
 */
public final class NewConversationView {
    private final NewConversationViewModel model;
    private final Messages messages;
    private final Runnable back;

    @FXML
    private VBox form;

    @FXML
    private RadioButton directChoice;

    @FXML
    private RadioButton groupChoice;

    @FXML
    private ToggleGroup kindGroup;

    @FXML
    private VBox groupPane;

    @FXML
    private TextField groupTitle;

    @FXML
    private Label titleError;

    @FXML
    private ComboBox<String> classification;

    @FXML
    private TextField query;

    @FXML
    private Label searchHint;

    @FXML
    private Label searchStatus;

    @FXML
    private ListView<DirectoryUser> results;

    @FXML
    private Button chooseButton;

    @FXML
    private VBox membersPane;

    @FXML
    private ListView<DirectoryUser> members;

    @FXML
    private Button removeMember;

    @FXML
    private Label formError;

    @FXML
    private Button createButton;

    @FXML
    private ProgressIndicator progress;

    public NewConversationView(NewConversationViewModel model, Messages messages, Runnable back) {
        this.model = model;
        this.messages = messages;
        this.back = back;
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "NewConversation.fxml", messages);
        Platform.runLater(() -> query.requestFocus());
        return root;
    }

    @FXML
    private void initialize() {
        ViewBindings.linkFieldLabels(form);
        directChoice.setUserData(NewConversationViewModel.Kind.DIRECT);
        groupChoice.setUserData(NewConversationViewModel.Kind.GROUP);
        kindGroup.selectToggle(
                model.kindProperty().get() == NewConversationViewModel.Kind.GROUP ? groupChoice : directChoice);
        kindGroup.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                model.kindProperty().set((NewConversationViewModel.Kind) t.getUserData());
            }
        });
        var isGroup = model.kindProperty().isEqualTo(NewConversationViewModel.Kind.GROUP);
        for (var pane : new javafx.scene.Node[] {groupPane, membersPane, createButton}) {
            pane.visibleProperty().bind(isGroup);
            pane.managedProperty().bind(isGroup);
        }
        searchHint
                .textProperty()
                .bind(model.kindProperty()
                        .map(k -> messages.get(
                                k == NewConversationViewModel.Kind.GROUP
                                        ? "newconversation.search.hint.group"
                                        : "newconversation.search.hint.direct")));

        groupTitle.textProperty().bindBidirectional(model.titleProperty());
        ViewBindings.showText(titleError, model.titleErrorProperty(), messages);
        ViewBindings.helpFromError(groupTitle, model.titleErrorProperty(), messages);
        groupTitle.setOnAction(e -> model.create());

        classification.getItems().setAll(NewConversationViewModel.CLASSIFICATIONS);
        classification.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? messages.get("newconversation.classification.none") : value;
            }

            @Override
            public String fromString(String string) {
                return null;
            }
        });
        classification.valueProperty().bindBidirectional(model.classificationProperty());

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
                model.choose(results.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.choose(results.getSelectionModel().getSelectedItem());
            }
        });

        chooseButton
                .disableProperty()
                .bind(results.getSelectionModel().selectedItemProperty().isNull());
        members.setItems(model.members());
        members.setCellFactory(l -> new PersonCell());
        members.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                model.removeMember(members.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        removeMember
                .disableProperty()
                .bind(members.getSelectionModel().selectedItemProperty().isNull());

        ViewBindings.showText(formError, model.formErrorProperty(), messages);
        form.disableProperty().bind(model.busyProperty());
        createButton.disableProperty().bind(model.busyProperty());
        progress.visibleProperty().bind(model.busyProperty());
    }

    @FXML
    private void onChoose() {
        model.choose(results.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onRemoveMember() {
        model.removeMember(members.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onCreate() {
        model.create();
    }

    @FXML
    private void onBack() {
        back.run();
    }
}
