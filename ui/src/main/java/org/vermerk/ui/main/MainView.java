package org.vermerk.ui.main;

import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.vermerk.ui.chat.ChatView;
import org.vermerk.ui.chat.ChatViewModel;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/**
 * The main window: loads {@code Main.fxml} and binds it to {@link MainViewModel}. Left the
 * conversation list with its filter (Ctrl+K; Enter opens the first match, Esc clears it) or the
 * search (Ctrl+F; Enter jumps to the hit, Esc closes it), right the open chat ({@link ChatView}).
 */
public final class MainView {
    /**
     * What the window's buttons do. {@code listActions} go beside the list's title ("new
     * conversation", "records"); {@code chatActions} make the buttons of an open chat's header
     * ("info", "mark for the records") for its model; {@code chatBanners} what shows over its
     * messages (the key-change banner).
     */
    public record Actions(
            Runnable openSettings,
            Runnable lock,
            Function<Messages, List<Node>> listActions,
            java.util.function.BiFunction<ChatViewModel, Messages, List<Node>> chatActions,
            java.util.function.BiFunction<ChatViewModel, Messages, List<Node>> chatBanners) {}

    private final MainViewModel model;
    private final Messages messages;
    private final Actions actions;

    /** What this view observes of the model; ended when the view is replaced. */
    private final List<javafx.util.Subscription> subscriptions = new java.util.ArrayList<>();

    /** The open chat's view; null when none is open. */
    private ChatView chatView;

    @FXML
    private Label user;

    @FXML
    private Region connectionDot;

    @FXML
    private Label connectionText;

    @FXML
    private Label queuedText;

    @FXML
    private Button settings;

    @FXML
    private Button lockButton;

    @FXML
    private HBox listActions;

    @FXML
    private Label listTitle;

    @FXML
    private TextField filter;

    @FXML
    private VBox searchBox;

    @FXML
    private TextField search;

    @FXML
    private javafx.scene.control.CheckBox searchHere;

    @FXML
    private ListView<MainViewModel.SearchResult> searchResults;

    @FXML
    private ListView<ConversationItem> conversations;

    @FXML
    private StackPane chatPane;

    @FXML
    private VBox noChat;

    public MainView(MainViewModel model, Messages messages, Actions actions) {
        this.model = model;
        this.messages = messages;
        this.actions = actions;
    }

    public Parent load() {
        Parent root = ViewLoader.load(this, "Main.fxml", messages);
        // A language switch or another screen replaces this view; the model lives on, so let go of it.
        root.sceneProperty().addListener((o, before, now) -> {
            if (before != null && now == null) {
                dispose();
            }
        });
        Platform.runLater(() -> {
            if (chatView != null) {
                chatView.focusComposer();
            } else {
                conversations.requestFocus();
            }
        });
        return root;
    }

    private void dispose() {
        subscriptions.forEach(javafx.util.Subscription::unsubscribe);
        subscriptions.clear();
        conversations.setItems(null);
        filter.textProperty().unbindBidirectional(model.filterProperty());
        search.textProperty().unbindBidirectional(model.searchQueryProperty());
        searchHere.selectedProperty().unbindBidirectional(model.searchHereProperty());
        searchHere.disableProperty().unbind();
        searchResults.setItems(null);
        if (chatView != null) {
            chatView.dispose();
            chatView = null;
        }
    }

    /** The next chat that opens gets the keyboard focus in its composer (a chat opened for the user, not by them). */
    public void focusComposerOnNextOpen() {
        focusComposerOnOpen = true;
    }

    private boolean focusComposerOnOpen;

    /** Ctrl+K: jump to a conversation by typing its name. */
    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** Ctrl+F: search all messages (or only the open conversation's) and jump to one. */
    public void openSearch() {
        showSearch(true);
        search.requestFocus();
        search.selectAll();
    }

    /** Esc: ends a reply or edit in the chat; else closes the search, clears the filter and goes back to the list. */
    public void back() {
        if (!searchBox.isVisible() && chatView != null && chatView.cancelComposing()) {
            return; // Esc first ends a reply or an edit
        }
        if (searchBox.isVisible()) {
            model.searchQueryProperty().set("");
            showSearch(false);
        }
        filter.clear();
        conversations.requestFocus();
    }

    private void showSearch(boolean on) {
        // the pane's title says what the list shows: conversations or search results
        listTitle.setText(messages.get(on ? "main.search.title" : "main.conversations"));
        searchBox.setVisible(on);
        searchBox.setManaged(on);
        for (Node n : List.of(filter, conversations)) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
    }

    @FXML
    private void initialize() {
        user.setText(model.userId());
        user.setAccessibleText(messages.get("main.user.accessible", model.userId()));
        ViewBindings.showText(connectionText, model.statusTextProperty(), messages);
        ViewBindings.showText(queuedText, model.queuedTextProperty(), messages);
        connectionText.focusTraversableProperty().set(false);
        // A narrow window shortens the state text; the tooltip and the screen reader keep all of it.
        javafx.scene.control.Tooltip full = new javafx.scene.control.Tooltip();
        full.textProperty().bind(connectionText.textProperty());
        connectionText.setTooltip(full);
        subscriptions.add(model.statusProperty().subscribe(status -> {
            for (MainViewModel.Status s : MainViewModel.Status.values()) {
                connectionDot.getStyleClass().remove(s.styleClass());
            }
            connectionDot.getStyleClass().add(status.styleClass());
        }));
        connectionText
                .accessibleTextProperty()
                .bind(connectionText.textProperty().map(text -> messages.get("main.connection.accessible", text)));
        listActions.getChildren().setAll(actions.listActions().apply(messages));

        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !conversations.getItems().isEmpty()) {
                e.consume();
                conversations.getSelectionModel().select(0);
                if (chatView != null) {
                    chatView.focusComposer();
                }
            } else if (e.getCode() == KeyCode.DOWN) {
                e.consume();
                conversations.requestFocus();
                if (conversations.getSelectionModel().isEmpty()) {
                    conversations.getSelectionModel().select(0);
                }
            }
        });
        search.textProperty().bindBidirectional(model.searchQueryProperty());
        searchHere.selectedProperty().bindBidirectional(model.searchHereProperty());
        searchHere.disableProperty().bind(model.chatProperty().isNull());
        searchResults.setCellFactory(list -> new SearchResultCell(messages, model.zone()));
        searchResults.setItems(model.searchResults());
        searchResults.setOnMouseClicked(
                e -> model.jumpTo(searchResults.getSelectionModel().getSelectedItem()));
        searchResults.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.jumpTo(searchResults.getSelectionModel().getSelectedItem());
            }
        });
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN)
                    && !searchResults.getItems().isEmpty()) {
                e.consume();
                searchResults.requestFocus();
                searchResults.getSelectionModel().select(0);
                if (e.getCode() == KeyCode.ENTER) {
                    model.jumpTo(searchResults.getSelectionModel().getSelectedItem());
                }
            }
        });
        if (!model.searchQueryProperty().get().isEmpty()) {
            showSearch(true);
        }
        conversations.setCellFactory(list -> new ConversationCell(messages, model.zone()));
        conversations.setItems(model.conversations());
        conversations.getSelectionModel().selectedItemProperty().subscribe(model::open);
        javafx.collections.ListChangeListener<ConversationItem> moved = c -> reselect();
        model.conversations().addListener(moved);
        subscriptions.add(() -> model.conversations().removeListener(moved));
        conversations.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && chatView != null) {
                chatView.focusComposer();
            } else if (e.getCode() == KeyCode.P && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                model.togglePin(conversations.getSelectionModel().getSelectedItem());
            }
        });
        javafx.scene.control.MenuItem pinItem = new javafx.scene.control.MenuItem();
        pinItem.setId("pinItem");
        pinItem.setOnAction(
                e -> model.togglePin(conversations.getSelectionModel().getSelectedItem()));
        javafx.scene.control.ContextMenu listMenu = new javafx.scene.control.ContextMenu(pinItem);
        listMenu.setOnShowing(e -> {
            ConversationItem selected = conversations.getSelectionModel().getSelectedItem();
            pinItem.setText(messages.get(selected != null && selected.pinned() ? "main.unpin" : "main.pin"));
            pinItem.setDisable(selected == null);
        });
        conversations.setContextMenu(listMenu);
        subscriptions.add(model.chatProperty().subscribe(this::showChat));
        reselect();
    }

    /** The open chat stays selected in the list when entries move or are replaced. */
    private void reselect() {
        ChatViewModel open = model.chatProperty().get();
        if (open == null) {
            return;
        }
        ConversationItem selected = conversations.getSelectionModel().getSelectedItem();
        if (selected != null && selected.id().equals(open.conversationId())) {
            return;
        }
        for (int i = 0; i < conversations.getItems().size(); i++) {
            if (conversations.getItems().get(i).id().equals(open.conversationId())) {
                int index = i;
                Platform.runLater(() -> {
                    if (index < conversations.getItems().size()) {
                        conversations.getSelectionModel().select(index);
                    }
                });
                return;
            }
        }
    }

    private void showChat(ChatViewModel chat) {
        if (chatView != null) {
            chatView.dispose();
        }
        if (chat == null) {
            chatView = null;
            chatPane.getChildren().setAll(noChat);
            return;
        }
        chatView = new ChatView(
                chat,
                messages,
                actions.chatActions().apply(chat, messages),
                actions.chatBanners().apply(chat, messages));
        chatPane.getChildren().setAll(chatView.load());
        if (focusComposerOnOpen) {
            focusComposerOnOpen = false;
            ChatView opened = chatView;
            Platform.runLater(opened::focusComposer);
        }
    }

    @FXML
    private void onSettings() {
        actions.openSettings().run();
    }

    @FXML
    private void onLock() {
        actions.lock().run();
    }
}
