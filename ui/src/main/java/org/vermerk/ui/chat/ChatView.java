package org.vermerk.ui.chat;

import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.vermerk.ui.core.Messages;
import org.vermerk.ui.core.ViewBindings;
import org.vermerk.ui.core.ViewLoader;

/**
 * The open conversation: loads {@code Chat.fxml} and binds it to {@link ChatViewModel}. The list
 * is a virtualised {@link ListView} (a few reused {@link MessageCell}s however long the
 * conversation); scrolling near its top reads the older page, near its bottom the newer one.
 * Enter sends, Shift+Enter breaks the line. The selected message's actions (reply, edit, delete
 * for everyone, react) are in its context menu and on keys; a reply or an edit shows in a bar above
 * the composer until sent or ended with Esc.
 * Files come by the attach button, by pasting them
 * (Ctrl+V in the composer) and by dropping them on the chat ({@link ChatFileInput}).
 */
public final class ChatView {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChatView.class);

    /** How close (in rows) to either end of the list scrolling reads the next page. */
    private static final int PAGE_TRIGGER = 5;

    /** Whether a {@link #loadNearEnds} check waits for the next layout pass. */
    private boolean endsCheckPending;

    /**
     * The message kept in place by the last change, until the next layout shows it there: a second
     * change before that layout must keep the same message (the cells show rows by index, so
     * after a change they no longer say what the user saw).
     */
    private Anchor pendingAnchor;

    /**
     * The first message on screen and its index before the change. A message, not a
     * day separator: a separator stands above the first <em>loaded</em> message of its day, so when
     * a page of the same day comes in above, it moves up with it and keeping it in place jumped over
     * the whole page (found by bench's client driver; {@code ChatScrollingTest}).
     */
    private record Anchor(String key, int index) {}

    /**
     * The scroll the last row change asked for, run at the start of the next pulse's layout ({@link
     * #scrollBeforeLayout}); null when none. FX thread.
     */
    private Runnable pendingScroll;

    /**
     * What the last scroll asked for must be on screen after the layout: the anchored message as
     * the first message ({@link #verify}) or the newest row ({@link #verifyBottom}); checked at most
     * {@link #verifyTries} more times. When a page at one end of a full window came with the other
     * end dropped, the list's layout put the view at the window's other end despite the scroll
     * (the row count changed during that layout), and the chat read pages at both ends in turn
     * for good (found with {@code ChatScrollingTest}'s log).
     */
    private Anchor verify;

    private boolean verifyBottom;
    private int verifyTries;

    /** Whether a look after the layout found {@link #verify} in place once (then the user may scroll on). */
    private boolean verifyLanded;

    /** Runs {@link #pendingScroll} before each layout while the list is in a scene. */
    private final Runnable scrollBeforeLayout = this::runPendingScroll;

    private javafx.util.Subscription sceneSubscription = javafx.util.Subscription.EMPTY;

    private final ChatViewModel model;
    private final Messages messages;
    private final List<Node> actions;
    private final List<Node> bannerNodes;
    private final ListChangeListener<ChatRow> rowsListener = this::rowsChanged;
    private javafx.util.Subscription focusSubscription = javafx.util.Subscription.EMPTY;

    /** Tells the model which messages are selected, in the list's order. */
    private final ListChangeListener<ChatRow> selectionListener = change -> selectionChanged();

    @FXML
    private Label chatTitle;

    @FXML
    private HBox chatActions;

    @FXML
    private Label classification;

    @FXML
    private VBox banners;

    @FXML
    private ListView<ChatRow> messageList;

    @FXML
    private Label error;

    @FXML
    private TextArea composer;

    @FXML
    private Button send;

    @FXML
    private HBox composeBar;

    @FXML
    private Label composeTitle;

    @FXML
    private Label composeQuote;

    private javafx.util.Subscription composingSubscription = javafx.util.Subscription.EMPTY;

    /** The actions on the selected message (right click, the context-menu key, Shift+F10). */
    private final javafx.scene.control.ContextMenu messageMenu = new javafx.scene.control.ContextMenu();

    @FXML
    private Button attach;

    /**
     * @param actions buttons for the header (group info, records), placed right of the title
     * @param bannerNodes shown under the header and the classification (the key-change banner)
     */
    public ChatView(ChatViewModel model, Messages messages, List<Node> actions, List<Node> bannerNodes) {
        this.model = model;
        this.messages = messages;
        this.actions = List.copyOf(actions);
        this.bannerNodes = List.copyOf(bannerNodes);
    }

    public Parent load() {
        return ViewLoader.load(this, "Chat.fxml", messages);
    }

    /** Stops listening to the model: this view is no longer shown (the model outlives it). */
    public void dispose() {
        model.rows().removeListener(rowsListener);
        sceneSubscription.unsubscribe();
        if (messageList.getScene() != null) {
            messageList.getScene().removePreLayoutPulseListener(scrollBeforeLayout);
        }
        focusSubscription.unsubscribe();
        composingSubscription.unsubscribe();
        composer.textProperty().unbindBidirectional(model.draftProperty());
        send.disableProperty().unbind();
        messageList.getSelectionModel().getSelectedItems().removeListener(selectionListener);
        messageList.setItems(null);
    }

    /** Puts the keyboard focus into the composer. */
    public void focusComposer() {
        composer.requestFocus();
    }

    public ListView<ChatRow> list() {
        return messageList;
    }

    /**
     * Esc: ends a reply or an edit and goes back to the composer.
     *
     * @return whether there was one (else Esc means "back" to the caller)
     */
    public boolean cancelComposing() {
        if (model.cancelComposing()) {
            composer.requestFocus();
            return true;
        }
        return false;
    }

    @FXML
    private void initialize() {
        chatTitle.setText(model.title());
        chatTitle.setAccessibleText(messages.get("chat.title.accessible", model.title()));
        chatActions.getChildren().setAll(actions);
        banners.getChildren().setAll(bannerNodes);
        String marking = model.classification();
        classification.setText(marking == null ? "" : marking);
        classification.setAccessibleText(
                marking == null ? null : messages.get("chat.classification.accessible", marking));
        classification.setVisible(marking != null);
        classification.setManaged(marking != null);
        ViewBindings.showText(error, model.errorProperty(), messages);

        FileBox.Host files = model.filesAvailable() ? new Files() : null;
        messageList.setCellFactory(list -> new MessageCell(messages, model.zone(), files));
        attach.setVisible(files != null);
        attach.setManaged(files != null);
        if (files != null) {
            ChatFileInput.install(messageList, composer, model::attach);
        }
        messageList.setItems(model.rows());
        // Shift+click or Shift+arrows select a range of messages (to mark them for the records).
        messageList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        messageList.getSelectionModel().getSelectedItems().addListener(selectionListener);
        model.rows().addListener(rowsListener);
        sceneSubscription = messageList.sceneProperty().subscribe((before, after) -> {
            if (before != null) {
                before.removePreLayoutPulseListener(scrollBeforeLayout);
            }
            if (after != null) {
                after.addPreLayoutPulseListener(scrollBeforeLayout);
            }
        });
        if (messageList.getScene() != null) {
            messageList.getScene().addPreLayoutPulseListener(scrollBeforeLayout);
        }
        messageList.skinProperty().subscribe(skin -> {
            if (skin != null) {
                Platform.runLater(this::watchScrolling);
            }
        });
        if (!model.rows().isEmpty()) {
            messageList.scrollTo(model.rows().size() - 1);
        }
        focusSubscription = model.focusProperty().subscribe(this::showFocused);

        composer.textProperty().bindBidirectional(model.draftProperty());
        composer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                if (e.isShiftDown()) {
                    composer.insertText(composer.getCaretPosition(), "\n");
                } else {
                    model.send();
                }
            }
        });
        send.disableProperty().bind(model.draftProperty().map(String::isBlank));

        MessageMenu menu = new MessageMenu(model, messages, this::focusComposerAtEnd);
        messageList.setOnContextMenuRequested(e -> {
            menu.fill(messageMenu, selectedMessageId());
            if (!messageMenu.getItems().isEmpty()) {
                messageMenu.show(messageList, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        messageList.addEventHandler(KeyEvent.KEY_PRESSED, this::onMessageKey);
        composer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Up in an empty composer edits the newest own message, as in other messengers.
            if (e.getCode() == KeyCode.UP && composer.getText().isEmpty() && model.editLastOwn()) {
                e.consume();
                focusComposerAtEnd();
            }
        });
        composingSubscription = model.composingProperty().subscribe(this::showComposing);
    }

    /** The keys on the selected message: R reply, E edit, Entf delete, 1-5 react, context-menu key. */
    private void onMessageKey(KeyEvent e) {
        String id = selectedMessageId();
        if (id == null || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case R -> {
                model.startReply(id);
                focusComposerAtEnd();
            }
            case E -> {
                if (!model.canChange(id)) {
                    return;
                }
                model.startEdit(id);
                focusComposerAtEnd();
            }
            case DELETE -> model.deleteForEveryone(id);
            case DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5, NUMPAD1, NUMPAD2, NUMPAD3, NUMPAD4, NUMPAD5 -> {
                // the last character of DIGIT3 / NUMPAD3 is the reaction's number in the menu
                String name = e.getCode().name();
                model.react(id, ChatViewModel.REACTIONS.get(name.charAt(name.length() - 1) - '1'));
            }
            case CONTEXT_MENU, F10 -> {
                if (e.getCode() == KeyCode.F10 && !e.isShiftDown()) {
                    return;
                }
                showMenuAtSelection();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The attach button: a file chooser (several files at once). */
    @FXML
    private void onAttach() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(messages.get("chat.attach.title"));
        List<java.io.File> chosen =
                chooser.showOpenMultipleDialog(attach.getScene().getWindow());
        if (chosen != null) {
            model.attach(chosen.stream().map(java.io.File::toPath).toList());
        }
        composer.requestFocus();
    }

    /** Open and Save of the files in the list's cells. */
    private final class Files implements FileBox.Host {
        @Override
        public FileItem file(String messageId) {
            return model.file(messageId);
        }

        @Override
        public void open(FileItem file) {
            model.openFile(file.messageId(), DesktopFiles::open);
        }

        @Override
        public void save(FileItem file) {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(messages.get("chat.file.save.title"));
            chooser.setInitialFileName(org.vermerk.app.records.plan.SafeFileNames.sanitize(file.fileName()));
            java.io.File target = chooser.showSaveDialog(messageList.getScene().getWindow());
            if (target != null) {
                model.saveFile(file.messageId(), target.toPath());
            }
        }
    }

    @FXML
    private void onSend() {
        model.send();
        composer.requestFocus();
    }

    /** The message the actions apply to: the one selected last (the focused row of a range). */
    private String selectedMessageId() {
        return messageList.getSelectionModel().getSelectedItem() instanceof ChatRow.MessageRow m ? m.id() : null;
    }

    private void focusComposerAtEnd() {
        composer.requestFocus();
        composer.positionCaret(composer.getLength());
    }

    /** Opens the message menu under the selected row (from the keyboard). */
    private void showMenuAtSelection() {
        String id = selectedMessageId();
        int index = messageList.getSelectionModel().getSelectedIndex();
        VirtualFlow<?> flow = flow();
        IndexedCell<?> cell = flow == null || index < 0 ? null : flow.getVisibleCell(index);
        Node anchor = cell != null ? cell : messageList;
        javafx.geometry.Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (id == null || b == null) {
            return;
        }
        new MessageMenu(model, messages, this::focusComposerAtEnd).fill(messageMenu, id);
        if (!messageMenu.getItems().isEmpty()) {
            messageMenu.show(anchor, b.getMinX() + 24, b.getMinY() + Math.min(b.getHeight(), 32));
        }
    }

    /** Shows what the composer answers or edits above it, or hides the bar. */
    private void showComposing(Composing composing) {
        boolean on = composing != null;
        composeBar.setVisible(on);
        composeBar.setManaged(on);
        if (!on) {
            composeTitle.setText("");
            composeQuote.setText("");
            composer.setAccessibleText(messages.get("chat.composer.accessible"));
            return;
        }
        String title = composing.kind() == Composing.Kind.EDIT
                ? messages.get("chat.compose.editing")
                : composing.own()
                        ? messages.get("chat.compose.replyOwn")
                        : messages.get(
                                "chat.compose.replyTo", model.group() ? composing.senderUserId() : model.title());
        composeTitle.setText(title);
        composeQuote.setText(ChatTimeline.snippet(composing.quoted()));
        composeBar.setAccessibleText(title + ": " + composing.quoted());
        composer.setAccessibleText(title + ". " + messages.get("chat.composer.composing.accessible"));
    }

    @FXML
    private void onCancelComposing() {
        cancelComposing();
    }

    private void selectionChanged() {
        model.select(messageList.getSelectionModel().getSelectedItems().stream()
                .filter(row -> row instanceof ChatRow.MessageRow)
                .map(ChatRow::key)
                .toList());
    }

    /** Scrolls to a search hit and selects it, so the screen reader reads it. */
    private void showFocused(String messageId) {
        if (messageId == null) {
            return;
        }
        for (int i = 0; i < model.rows().size(); i++) {
            if (model.rows().get(i).key().equals(messageId)) {
                int index = i;
                Platform.runLater(() -> {
                    messageList.scrollTo(Math.max(0, index - 2));
                    messageList.getSelectionModel().select(index);
                    messageList.requestFocus();
                });
                return;
            }
        }
    }

    /** Keeps the view where the user is: at the bottom for new messages, on the same row when rows come or go above. */
    private void rowsChanged(ListChangeListener.Change<? extends ChatRow> change) {
        int size = messageList.getItems().size();
        int first = firstVisible();
        int last = lastVisible();
        // Until this change the cells show the rows the user sees; after it, by index, other rows.
        Anchor anchor = pendingAnchor != null ? pendingAnchor : visibleAnchor();
        int net = 0;
        int from = Integer.MAX_VALUE;
        while (change.next()) {
            net += change.getAddedSize() - change.getRemovedSize();
            from = Math.min(from, change.getFrom());
        }
        int oldSize = size - net;
        int anchorNow = anchor == null ? -1 : indexOfKey(anchor.key());
        String action = "none";
        if ((last < 0 || last >= oldSize - 2) && model.atNewest()) {
            pendingAnchor = null;
            verify = null;
            verifyBottom = true;
            verifyTries = 2;
            scrollBeforeLayout(() -> messageList.scrollTo(messageList.getItems().size() - 1));
            action = "bottom";
        } else if (anchorNow >= 0) {
            // The message the user looks at stays where it is: a page read above it (with the
            // window's far end dropped, so the count may not change at all) or rows dropped above
            // it move it. It goes to the top edge (a partly shown row shows whole).
            if (anchorNow != anchor.index() || pendingAnchor != null) {
                pendingAnchor = anchor;
                verify = anchor;
                verifyLanded = false;
                verifyBottom = false;
                verifyTries = 60;
                scrollBeforeLayout(() -> {
                    int at = indexOfKey(anchor.key());
                    if (at >= 0) {
                        messageList.scrollTo(at);
                    }
                });
                action = "anchor";
            }
        } else if (first >= 0 && from <= first && net != 0) {
            int target = Math.max(0, first + net);
            scrollBeforeLayout(() -> messageList.scrollTo(target));
            action = "shift";
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "event=chat_rows_changed size={} net={} from={} first={} last={} anchor={} anchor_now={} action={}",
                    size,
                    net,
                    from,
                    first,
                    last,
                    anchor == null ? null : anchor.key(),
                    anchorNow,
                    action);
        }
        // A page that arrived while the user stayed at an end (the scroll bar no longer moves there)
        // must lead to the next one, or the chat stops loading (found by bench's client driver).
        loadNearEndsAfterLayout();
    }

    /**
     * Scrolls at the start of the next layout, not now. A row change reaches this view before the
     * list's skin and cells hear of it (they listen later), so a scroll now works on the old row
     * count: {@code scrollTo} beyond it went to the end, and rows that came before the list had
     * cells were not scrolled to at all (the chat opened at the top of the newest page and read
     * the next one at once; found with {@code ChatScrollingTest}'s log). Before the layout, all
     * listeners have run; a user's scroll in between is overridden by this one, never applied to
     * rows that are no longer there.
     */
    private void scrollBeforeLayout(Runnable scroll) {
        pendingScroll = scroll;
        Platform.requestNextPulse();
    }

    /** Whether the last scroll did not land (see {@link #verify}); then it is repeated. */
    private boolean scrollMissed() {
        if (verifyTries <= 0 || (verify == null && !verifyBottom)) {
            verify = null;
            verifyBottom = false;
            return false;
        }
        verifyTries--;
        int size = messageList.getItems().size();
        if (verifyBottom) {
            if (size > 0 && lastVisible() < size - 1) {
                LOG.debug("event=chat_scroll_repeated at=bottom size={} last={}", size, lastVisible());
                messageList.scrollTo(size - 1);
                return true;
            }
        } else {
            int at = indexOfKey(verify.key());
            int first = firstVisible();
            int screen = Math.max(1, lastVisible() - first + 1);
            // Right after the scroll the message must be at the top; later the user may have
            // scrolled on, a screen a pulse at most (Page Up held), in either direction. A jump is
            // farther than that from where the last look found the view. Measured from the anchor
            // itself, every fourth Page Up pulled the view back to it for the next 60 looks, and a
            // page of 100 messages took ~2 s to scroll past (docs/benchmarks.md, ADR 0031).
            boolean missed = verifyLanded
                    ? first < 0 || Math.abs(first - at) > 3 * screen
                    : first < 0 || first > at || first < at - 3 * screen;
            if (at >= 0 && missed) {
                LOG.debug("event=chat_scroll_repeated at={} first={} landed={}", at, first, verifyLanded);
                messageList.scrollTo(at);
                verifyLanded = false;
                return true;
            }
            verifyLanded = true;
            Anchor now = visibleAnchor();
            if (now != null) {
                verify = now; // the user's own scrolling moves what a later jump is measured from
            }
            return false; // looked again after the next layouts too: the jump came one layout later
        }
        verify = null;
        verifyBottom = false;
        verifyTries = 0;
        return false;
    }

    private void runPendingScroll() {
        Runnable scroll = pendingScroll;
        pendingScroll = null;
        pendingAnchor = null; // laid out right after this: the cells show the rows again
        if (scroll != null) {
            scroll.run();
        }
    }

    /**
     * Runs {@link #loadNearEnds} once, after the next layout pass: only then do the list's cells
     * show the new rows, so their indexes say where the user really is.
     */
    private void loadNearEndsAfterLayout() {
        javafx.scene.Scene scene = messageList.getScene();
        if (scene == null || endsCheckPending) {
            return;
        }
        endsCheckPending = true;
        Runnable[] check = new Runnable[1];
        boolean[] ran = new boolean[1];
        check[0] = () -> {
            if (ran[0]) {
                return; // removed in the next runnable; a later check has its own listener
            }
            ran[0] = true;
            endsCheckPending = false;
            Platform.runLater(() -> scene.removePostLayoutPulseListener(check[0]));
            if (scrollMissed()) {
                loadNearEndsAfterLayout(); // look again after the layout of the repeated scroll
                return;
            }
            loadNearEnds();
        };
        scene.addPostLayoutPulseListener(check[0]);
        Platform.requestNextPulse();
    }

    private void watchScrolling() {
        for (Node node : messageList.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                // The value changes while the list is laid out, before its cells show the new
                // rows: look at them after this pulse, or reaching the top in one step would read
                // no page and stay there (found by bench's client driver).
                bar.valueProperty().subscribe(value -> loadNearEndsAfterLayout());
            }
        }
    }

    /** Reads the next page when the first or last visible row is near that end of the window. */
    private void loadNearEnds() {
        int size = messageList.getItems() == null ? 0 : messageList.getItems().size();
        if (size == 0) {
            return;
        }
        LOG.trace("event=chat_ends_check size={} first={} last={}", size, firstVisible(), lastVisible());
        if (firstVisible() <= PAGE_TRIGGER) {
            model.loadOlder();
        } else if (lastVisible() >= size - 1 - PAGE_TRIGGER) {
            model.loadNewer();
        }
    }

    private VirtualFlow<?> flow() {
        return messageList.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
    }

    /** The first message row on screen (not a day separator); null when none. */
    private Anchor visibleAnchor() {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (first == null || last == null) {
            return null;
        }
        for (int i = first.getIndex(); i <= last.getIndex(); i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell != null && cell.getItem() instanceof ChatRow.MessageRow row) {
                return new Anchor(row.key(), i);
            }
        }
        return null;
    }

    private int indexOfKey(String key) {
        List<ChatRow> rows = messageList.getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private int firstVisible() {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> cell = flow == null ? null : flow.getFirstVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }

    private int lastVisible() {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> cell = flow == null ? null : flow.getLastVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }
}
